import ArenaUI

/// Aligns rows of cells into columns: numbers right-aligned, text left-aligned.
///
/// Widths are terminal columns (`DisplayWidth`), not characters, and ignore ANSI colour codes, so
/// styled and wide (CJK, emoji) cells line up. Lines never end in spaces (the last column is not padded).
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Columns (by index) aligned to the right.
    var numeric: Set<Int>

    func lines() -> [String] {
        let all = [header] + rows
        let count = all.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            all.map { $0.indices.contains(column) ? Self.width($0[column]) : 0 }.max() ?? 0
        }
        return all.map { row in
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(widths[column] - Self.width(cell), 0))
                if numeric.contains(column) { return pad + cell }
                return column == row.count - 1 ? cell : cell + pad
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The widest line `lines()` gives, in terminal columns.
    var width: Int { lines().map(Self.width).max() ?? 0 }

    /// Terminal columns `text` takes, ANSI escape sequences (`ESC [ … m`) excluded.
    static func width(_ text: String) -> Int {
        guard text.contains("\u{1B}") else { return DisplayWidth.of(text) }
        var visible = ""
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                visible.append(character)
            }
        }
        return DisplayWidth.of(visible)
    }
}
