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
        let count = "\(RevealFormatter.grouped(store.verdictCount)) verdict\(store.verdictCount == 1 ? "" : "s")"
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

/// A one-row message over the bottom edge of the pane area, right-aligned.
public enum ToastWidget {
    public static func paint(into grid: inout CellGrid, area: Rect, toast: Toast, theme: Theme) {
        guard !area.isEmpty else { return }
        let text = " \(toast.message) ".truncated(toWidth: area.width)
        let width = DisplayWidth.of(text)
        grid.write(text, x: area.maxX - width, y: area.maxY - 1, style: theme[toast.isError ? .toastError : .toast], clip: area)
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
