/// Where everything goes for a terminal size: panes (bordered, side by side or in a grid), or one
/// pane under a seat strip when they don't fit (`compact`); the verdict bar, prompt and status line.
///
/// ```
/// ┌ A ───────┐┌ B ───────┐   panes: 1–4 in one row, 5–8 in two rows,
/// │          ││          │   fewer columns when panes would be narrower than `minPaneWidth`
/// └──────────┘└──────────┘
/// ── vote: 1-2 … ─────────   verdict bar (the prompt's top edge)
/// › prompt                   prompt editor, 1–6 rows
///  status line
/// ```
public struct ScreenLayout: Sendable, Equatable {
    public static let minimumSize = TerminalSize(width: 20, height: 6)
    public static let minPaneWidth = 18
    public static let minPaneHeight = 4
    public static let maxEditorRows = 6

    /// Per seat: its pane's outer rectangle (borders included); `.zero` when hidden.
    public var panes: [Rect]
    /// The whole pane area.
    public var paneArea: Rect
    /// Compact mode: a one-row strip of seat labels above a single borderless pane.
    public var seatStrip: Rect?
    public var verdictBar: Rect
    public var editor: Rect
    public var status: Rect
    /// Below `minimumSize`: only a message is shown.
    public var tooSmall: Bool

    public var isCompact: Bool { seatStrip != nil }

    /// Inside of a pane (without borders; the whole rect in compact mode).
    public func inner(_ seat: Int) -> Rect {
        guard seat < panes.count, !panes[seat].isEmpty else { return .zero }
        return isCompact ? panes[seat] : panes[seat].inset(by: 1)
    }

    public static func compute(size: TerminalSize, seatCount: Int, focused: Int, zoomed: Bool,
                               editorRows: Int) -> ScreenLayout {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            return ScreenLayout(panes: Array(repeating: .zero, count: seatCount), paneArea: .zero, seatStrip: nil,
                                verdictBar: .zero, editor: .zero, status: .zero, tooSmall: true)
        }
        let rowsForEditor = max(1, min(editorRows, maxEditorRows, (size.height - 3) / 3))
        let (aboveStatus, status) = screen.splitBottom(1)
        let (aboveEditor, editor) = aboveStatus.splitBottom(rowsForEditor)
        let (paneArea, verdictBar) = aboveEditor.splitBottom(1)
        var layout = ScreenLayout(panes: Array(repeating: .zero, count: seatCount), paneArea: paneArea,
                                  seatStrip: nil, verdictBar: verdictBar, editor: editor, status: status,
                                  tooSmall: false)
        guard seatCount > 0 else { return layout }
        let focus = min(max(0, focused), seatCount - 1)
        if zoomed {
            layout.panes[focus] = paneArea
            return layout
        }
        if let grid = gridShape(seatCount: seatCount, area: paneArea) {
            layout.panes = gridRects(seatCount: seatCount, columns: grid.columns, rows: grid.rows, area: paneArea)
        } else {
            let (strip, rest) = paneArea.splitTop(1)
            layout.seatStrip = strip
            layout.panes[focus] = rest
        }
        return layout
    }

    /// Columns × rows for the panes, or nil when even one column is too cramped.
    static func gridShape(seatCount: Int, area: Rect) -> (columns: Int, rows: Int)? {
        let preferred = seatCount <= 4 ? seatCount : (seatCount + 1) / 2
        for columns in stride(from: preferred, through: 1, by: -1) {
            let rows = (seatCount + columns - 1) / columns
            if area.width / columns >= minPaneWidth, area.height / rows >= minPaneHeight {
                return (columns, rows)
            }
        }
        return nil
    }

    static func gridRects(seatCount: Int, columns: Int, rows: Int, area: Rect) -> [Rect] {
        (0..<seatCount).map { seat in
            let row = seat / columns
            let column = seat % columns
            let columnsInRow = row == rows - 1 ? seatCount - columns * (rows - 1) : columns
            let x0 = area.x + area.width * column / columnsInRow
            let x1 = area.x + area.width * (column + 1) / columnsInRow
            let y0 = area.y + area.height * row / rows
            let y1 = area.y + area.height * (row + 1) / rows
            return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
    }
}
