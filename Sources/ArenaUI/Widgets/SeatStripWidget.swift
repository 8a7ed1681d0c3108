/// Compact mode's one-row list of seats (` A✓ │ B… `): which pane is shown and how each one stands
/// (` A1 ` while a ranking vote has placed A first).
public enum SeatStripWidget {
    /// Columns per seat in a strip of `width` for `seats` seats (mouse clicks use the same).
    public static func cellWidth(stripWidth: Int, seats: Int) -> Int {
        guard seats > 0 else { return 1 }
        return max(2, min(5, stripWidth / seats))
    }

    public static func paint(into grid: inout CellGrid, rect: Rect, state: ScreenState) {
        guard let battle = state.battle else { return }
        let turn = battle.currentTurn
        let theme = state.theme
        grid.fill(rect, style: theme[.paneBorder])
        let cell = cellWidth(stripWidth: rect.width, seats: battle.seatCount)
        for seat in 0..<battle.seatCount {
            let x = rect.x + seat * cell
            let focused = seat == state.focusedSeat
            // While a ranking is typed, a placed seat shows its rank (1–8) instead of its state.
            let rank = state.phase == .voting ? state.rankingDraft.rank(of: seat, seatCount: battle.seatCount) : nil
            let glyph = rank.map { String($0 + 1) } ?? PaneWidget.stateGlyph(turn.map { battle.phase(turn: $0.index, seat: seat) } ?? .waiting)
            let text = cell >= 4 ? " \(ScreenBattle.label(seat))\(glyph) " : ScreenBattle.label(seat) + glyph
            grid.write(text, x: x, y: rect.y, style: theme[focused ? .paneTitleFocused : .paneTitle], clip: rect)
        }
    }
}
