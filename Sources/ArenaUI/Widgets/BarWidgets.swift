import ArenaCore

/// The verdict bar: what the keys do right now (vote keys while voting).
public enum VerdictBarWidget {
    public static func paint(into grid: inout CellGrid, rect: Rect, parts: [(text: String, isKey: Bool)], theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme[.verdictBar])
        var x = rect.x + 1
        for part in parts {
            x += grid.write(part.text, x: x, y: rect.y, style: theme[part.isKey ? .verdictKey : .verdictBar], clip: rect)
        }
    }
}

/// The status line: store path, verdict count, theme, key hints. The path gives way first.
public enum StatusLineWidget {
    public static func paint(into grid: inout CellGrid, rect: Rect, store: StoreStatus, themeName: String, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme[.statusLine])
        let count = store.verdictCount.map { "\(grouped($0)) verdict\($0 == 1 ? "" : "s")" } ?? "counting…"
        let themePart = " │ theme \(themeName) "
        let hints = " ? all keys "
        // Priority: verdict count, then the path (at least 12 columns), the theme, the key hints;
        // whatever is left lengthens the path.
        let pathLength = DisplayWidth.of(store.path) + 3
        var room = rect.width - DisplayWidth.of(" arena │ \(count)") - 1
        let showPath = room >= 12 + 3
        if showPath { room -= 15 }
        let showTheme = room >= DisplayWidth.of(themePart)
        if showTheme { room -= DisplayWidth.of(themePart) }
        let showHints = room >= DisplayWidth.of(hints)
        if showHints { room -= DisplayWidth.of(hints) }
        let pathRoom = showPath ? min(pathLength, 15 + room) - 3 : 0
        var x = rect.x
        x += grid.write(" arena ", x: x, y: rect.y, style: theme[.statusAccent], clip: rect)
        if showPath {
            x += grid.write("│ \(leftTruncated(store.path, width: pathRoom)) ", x: x, y: rect.y, style: theme[.statusLine], clip: rect)
        }
        x += grid.write("│ ", x: x, y: rect.y, style: theme[.statusLine], clip: rect)
        x += grid.write(count, x: x, y: rect.y, style: theme[.statusAccent], clip: rect)
        if showTheme { x += grid.write(themePart, x: x, y: rect.y, style: theme[.statusLine], clip: rect) }
        if showHints {
            grid.write(hints, x: rect.maxX - DisplayWidth.of(hints), y: rect.y, style: theme[.statusLine], clip: rect)
        }
    }

    /// `…/share/arena/arena.sqlite`: keeps the end of a path.
    static func leftTruncated(_ text: String, width: Int) -> String {
        if DisplayWidth.of(text) <= width { return text }
        var kept: [Character] = []
        var used = 1
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            kept.append(character)
            used += w
        }
        return "…" + String(kept.reversed())
    }
}

/// A short message at the right end of the verdict bar, over the key hints for a moment (never
/// over a pane's border or text). One too long for the bar is wrapped over the rows below it (the
/// prompt, then the status line) for as long as it shows, so it is read whole.
public enum ToastWidget {
    /// - Parameter below: rows the toast may borrow, top to bottom, when it does not fit the bar.
    public static func paint(into grid: inout CellGrid, bar: Rect, below: [Rect], toast: Toast, theme: Theme) {
        guard !bar.isEmpty else { return }
        let style = theme[toast.isError ? .toastError : .toast]
        let text = " \(toast.message) "
        let rows = (bar.y..<bar.maxY).map { Rect(x: bar.x, y: $0, width: bar.width, height: 1) }
            + below.flatMap { rect in (rect.y..<rect.maxY).map { Rect(x: rect.x, y: $0, width: rect.width, height: 1) } }
        guard DisplayWidth.of(text) > bar.width, rows.count > 1, bar.width > 2 else {
            let shown = text.truncated(toWidth: bar.width)
            grid.write(shown, x: bar.maxX - DisplayWidth.of(shown), y: bar.y, style: style, clip: bar)
            return
        }
        let paragraph = StyledParagraph(body: MarkdownStyler.glyphs(MarkdownStyler.sanitized(toast.message[...]), slot: .text))
        var lines = TextWrapper.wrap(paragraph, width: bar.width - 2).map(\.text)
        if lines.count > rows.count {
            lines[rows.count - 1] = lines[(rows.count - 1)...].joined(separator: " ").truncated(toWidth: bar.width - 2)
        }
        for (row, line) in zip(rows, lines) {
            grid.fill(row, style: style)
            grid.write(line, x: row.x + 1, y: row.y, style: style, clip: row)
        }
    }
}

/// Shown instead of everything when the terminal is below `ScreenLayout.minimumSize`.
public enum TooSmallWidget {
    public static func paint(into grid: inout CellGrid, size: TerminalSize, theme: Theme) {
        let minimum = ScreenLayout.minimumSize
        let words = ["Terminal", "too small", "\(size.width)×\(size.height),", "need", "\(minimum.width)×\(minimum.height)"]
        var rows: [String] = []
        var row = ""
        for word in words {
            let candidate = row.isEmpty ? word : row + " " + word
            if DisplayWidth.of(candidate) > size.width, !row.isEmpty {
                rows.append(row)
                row = word
            } else {
                row = candidate
            }
        }
        rows.append(row)
        let top = max(0, (size.height - rows.count) / 2)
        for (index, text) in rows.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
            grid.write(text, x: x, y: top + index, style: theme[.stateError])
        }
    }
}
