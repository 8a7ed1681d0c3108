import ArenaCore
import ArenaUI

/// Compares a rendered screen with `PaneOracle`: every visible pane's rows against the oracle's
/// render of that seat's own recorded text at the pane's width and scroll, the scroll position in
/// range, the footer's rows above and below, the title's label, and no model name before the vote.
///
/// ```swift
/// let grid = ScreenRenderer.render(&state).grid
/// let result = PaneComparison.compare(grid: grid, state: state, turns: recorded, names: names,
///                                     namesMayShow: false, context: "fruits at 80×24")
/// result.failures   // [] when every pane shows exactly its own seat's text
/// ```
public enum PaneComparison {
    public struct Result: Sendable {
        public var failures: [String] = []
        public var panesChecked = 0
    }

    public static func compare(grid: CellGrid, state: ScreenState, turns: [TurnRecord], names: [String],
                               namesMayShow: Bool, context: String) -> Result {
        var result = Result()
        let layout = state.layout
        if !namesMayShow {
            for name in names where grid.lines.contains(where: { $0.contains(name) }) {
                result.failures.append("\(context): model name \(name) shown before the vote")
            }
        }
        guard !layout.tooSmall, state.overlay == nil, !state.helpVisible, let battle = state.battle else { return result }
        guard battle.turns.count == turns.count else {
            result.failures.append("\(context): the screen holds \(battle.turns.count) turns, the checker \(turns.count)")
            return result
        }
        for seat in names.indices where seat < layout.panes.count && !layout.panes[seat].isEmpty {
            if let failure = comparePane(seat: seat, grid: grid, state: state, layout: layout, turns: turns, context: context) {
                result.failures.append(failure)
            }
            result.panesChecked += 1
        }
        return result
    }

    static func comparePane(seat: Int, grid: CellGrid, state: ScreenState, layout: ScreenLayout, turns: [TurnRecord],
                            context: String) -> String? {
        let inner = layout.inner(seat)
        let pinned = PaneWidget.pinnedRows(state: state, seat: seat, width: inner.width, height: inner.height).count
        let area = Rect(x: inner.x, y: inner.y + pinned, width: inner.width, height: inner.height - pinned)
        guard area.width > 0, area.height > 0 else { return nil }
        let expected = PaneOracle.rows(turns: turns, seat: seat, width: area.width,
                                       reasoningExpanded: state.reasoningExpanded, redact: { $0 })
        let top = state.visibleTop(seat: seat, total: expected.count, height: area.height)
        let label = SeatLabels.label(for: seat)
        if top < 0 || top > max(0, expected.count - area.height) {
            return "\(context): pane \(label) scrolled to row \(top) of \(expected.count)"
        }
        for offset in 0..<area.height {
            let row = top + offset
            let want = trimmed(row < expected.count ? expected[row] : "")
            let got = trimmed(text(of: grid, y: area.y + offset, from: area.x, to: area.maxX))
            if want != got {
                return "\(context): pane \(label) row \(row) (of \(expected.count), top \(top))\n"
                    + "  expected: \(want)\n  shown:    \(got)"
            }
        }
        guard !layout.isCompact else { return nil }
        let rect = layout.panes[seat]
        let title = text(of: grid, y: rect.y, from: rect.x, to: rect.maxX)
        if !title.contains(" \(label) ") { return "\(context): pane \(label) is titled \(title)" }
        let footer = text(of: grid, y: rect.maxY - 1, from: rect.x, to: rect.maxX)
        let below = max(0, expected.count - top - area.height)
        if (top > 0) != footer.contains("↑\(top)") || (below > 0) != footer.contains("↓\(below)") {
            return "\(context): pane \(label) footer \(footer) for \(top) rows above, \(below) below"
        }
        return nil
    }

    /// One row of the grid between two columns, as text (the streaming cursor shown as a space).
    public static func text(of grid: CellGrid, y: Int, from x0: Int, to x1: Int) -> String {
        guard y >= 0, y < grid.height else { return "" }
        var text = ""
        for x in max(0, x0)..<min(grid.width, x1) where !grid[x, y].isContinuation {
            let character = grid[x, y].character
            text.append(character == "▌" ? " " : character)
        }
        return text
    }

    static func trimmed(_ text: String) -> String {
        String(text.reversed().drop(while: { $0 == " " }).reversed())
    }
}
