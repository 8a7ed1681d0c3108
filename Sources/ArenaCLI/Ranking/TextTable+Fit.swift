import ArenaUI

extension TextTable {
    /// Makes the table at most `width` columns wide: drops the `droppable` columns one at a time,
    /// rightmost first, while it is too wide, then cuts the cells of column `squeeze` (ending them
    /// with `…`), to no fewer than `minimum` columns. A table that cannot fit even so is left as
    /// narrow as it got: check `width` afterwards.
    mutating func fit(width: Int, droppable: [Int], squeeze: Int, minimum: Int = 2) {
        var squeeze = squeeze
        for column in droppable.sorted(by: >) where self.width > width {
            remove(column: column)
            if column < squeeze { squeeze -= 1 }
        }
        let excess = self.width - width
        guard excess > 0, header.indices.contains(squeeze) else { return }
        let current = ([header] + rows).map { $0.indices.contains(squeeze) ? Self.width($0[squeeze]) : 0 }.max() ?? 0
        let target = max(current - excess, minimum, 2)
        guard target < current else { return }
        header[squeeze] = header[squeeze].truncated(toWidth: target)
        for index in rows.indices where rows[index].indices.contains(squeeze) {
            rows[index][squeeze] = rows[index][squeeze].truncated(toWidth: target)
        }
    }

    /// Removes one column (by its index in the current table), keeping the alignment of the rest.
    mutating func remove(column: Int) {
        guard header.indices.contains(column) else { return }
        header.remove(at: column)
        for index in rows.indices where rows[index].indices.contains(column) { rows[index].remove(at: column) }
        numeric = Set(numeric.compactMap { $0 == column ? nil : $0 > column ? $0 - 1 : $0 })
    }

    /// Greedy word wrap of plain text to `width` columns; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, Self.width(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            while Self.width(word) > width {
                if !line.isEmpty { lines.append(line); line = "" }
                var head = ""
                for character in word {
                    if Self.width(head + String(character)) > width { break }
                    head.append(character)
                }
                lines.append(head)
                word.removeFirst(head.count)
            }
            if line.isEmpty {
                line = word
            } else if Self.width(line) + 1 + Self.width(word) <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
