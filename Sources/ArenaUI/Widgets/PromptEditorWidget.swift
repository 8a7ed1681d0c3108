/// Paints the prompt editor: `› ` then the text, wrapped by display width between characters,
/// showing the rows around the cursor; a hint in place of an empty prompt.
public enum PromptEditorWidget {
    static let markerWidth = 2

    /// Wrapped rows and the cursor's (row, column) in columns.
    static func rows(_ editor: PromptEditor, width: Int) -> (rows: [[Character]], cursorRow: Int, cursorColumn: Int) {
        let textWidth = max(1, width - markerWidth)
        var rows: [[Character]] = []
        var cursorRow = 0, cursorColumn = 0
        for (lineIndex, line) in editor.lines.enumerated() {
            var row: [Character] = []
            var used = 0
            for (index, character) in line.enumerated() {
                let w = DisplayWidth.of(character)
                if used + w > textWidth {
                    rows.append(row)
                    row = []
                    used = 0
                }
                if lineIndex == editor.row && index == editor.column {
                    cursorRow = rows.count
                    cursorColumn = used
                }
                row.append(character)
                used += w
            }
            if lineIndex == editor.row && editor.column >= line.count {
                if used >= textWidth {
                    rows.append(row)
                    row = []
                    used = 0
                }
                cursorRow = rows.count
                cursorColumn = used
            }
            rows.append(row)
        }
        return (rows, cursorRow, cursorColumn)
    }

    public static func rowCount(_ editor: PromptEditor, width: Int) -> Int {
        rows(editor, width: width).rows.count
    }

    /// Paints into `rect`; returns where the terminal cursor goes (nil when the editor is inactive).
    public static func paint(into grid: inout CellGrid, rect: Rect, editor: PromptEditor, active: Bool,
                             placeholder: String, theme: Theme) -> CursorPosition? {
        guard !rect.isEmpty else { return nil }
        grid.fill(rect, style: theme[.editorText])
        grid.write("›", x: rect.x, y: rect.y, style: theme[.editorMarker], clip: rect)
        if editor.isEmpty {
            grid.write(placeholder, x: rect.x + markerWidth, y: rect.y, style: theme[.editorPlaceholder], clip: rect)
            return active ? CursorPosition(x: rect.x + markerWidth, y: rect.y) : nil
        }
        let layout = rows(editor, width: rect.width)
        let first = max(0, min(layout.cursorRow - rect.height + 1, layout.rows.count - rect.height))
        for offset in 0..<rect.height {
            let index = first + offset
            guard index < layout.rows.count else { break }
            grid.write(String(layout.rows[index]), x: rect.x + markerWidth, y: rect.y + offset,
                       style: theme[.editorText], clip: rect)
        }
        guard active else { return nil }
        let x = min(rect.maxX - 1, rect.x + markerWidth + layout.cursorColumn)
        return CursorPosition(x: x, y: rect.y + layout.cursorRow - first)
    }
}
