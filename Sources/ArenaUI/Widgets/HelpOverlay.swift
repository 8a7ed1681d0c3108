/// `?`: a centred box listing every key.
public enum HelpOverlay {
    public static let entries: [(keys: String, action: String)] = [
        ("Enter", "send the prompt"),
        ("Alt-Enter, Ctrl-J", "new line in the prompt"),
        ("↑ ↓", "earlier prompts (or move between lines)"),
        ("Ctrl-U / Ctrl-W", "clear the prompt / delete a word"),
        ("Tab, Shift-Tab, click", "focus a pane"),
        ("PgUp PgDn, wheel", "scroll a pane (End follows again)"),
        ("Home End", "top / bottom of the focused pane"),
        ("z", "zoom the focused pane"),
        ("r", "show or hide reasoning"),
        ("1…8 or a…h", "vote: that seat wins (2 seats) / rank it next (3+)"),
        ("= (ranking)", "the next seat is as good as the last one"),
        ("Enter Bksp Esc (ranking)", "save the ranking / undo a seat / leave it"),
        ("t / x / s", "vote: tie / both bad / skip"),
        ("n", "new battle, new seats (nn at an empty prompt)"),
        ("l", "leaderboard with intervals (ll at an empty prompt)"),
        ("+ / - (judging)", "mark the focused answer adequate / inadequate"),
        ("u (judging)", "undo the last verdict"),
        ("i (judging)", "the whole prompt and the notes for the judge"),
        ("Esc", "cancel streaming"),
        ("Ctrl-C ×2", "cancel, then quit"),
        ("q", "quit when idle (qq at an empty prompt)"),
        ("Ctrl-L", "redraw"),
        ("?", "this help (any key closes)"),
    ]

    static let footer = "Letters are commands only while the prompt is empty or locked."

    public static func paint(into grid: inout CellGrid, bounds: Rect, theme: Theme) {
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let lineWidth = entries.map { keyWidth + 2 + DisplayWidth.of($0.action) }.max() ?? 0
        let width = min(bounds.width, max(lineWidth, DisplayWidth.of(footer)) + 4)
        let height = min(bounds.height, entries.count + 4)
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2,
                       width: width, height: height)
        grid.fill(box, style: theme[.helpText])
        PaneWidget.light.draw(into: &grid, rect: box, style: theme[.helpBorder])
        grid.write(" Keys ", x: box.x + 2, y: box.y, style: theme[.helpKey], clip: box.inset(by: 1).union(row: box.y))
        let inner = box.inset(by: 1)
        for (index, entry) in entries.enumerated() where index < inner.height - 1 {
            let y = inner.y + index
            grid.write(entry.keys, x: inner.x + 1, y: y, style: theme[.helpKey], clip: inner)
            grid.write(entry.action, x: inner.x + 1 + keyWidth + 2, y: y, style: theme[.helpText], clip: inner)
        }
        if inner.height > entries.count {
            grid.write(footer, x: inner.x + 1, y: inner.maxY - 1, style: theme[.helpText], clip: inner)
        }
    }
}

extension Rect {
    /// This rect's columns on row `y` (for titles on a border).
    func union(row y: Int) -> Rect { Rect(x: x, y: y, width: width, height: 1) }
}
