/// Paints the whole screen from the state: the only function that turns state into cells.
///
/// ```swift
/// let frame = ScreenRenderer.render(&state)   // lays out text first (mutating caches only)
/// terminal.apply(frame.grid.changes(since: previous))
/// terminal.flush(cursor: frame.cursor)
/// ```
public enum ScreenRenderer {
    public struct Frame: Sendable {
        public var grid: CellGrid
        public var cursor: CursorPosition?
    }

    public static func render(_ state: inout ScreenState) -> Frame {
        state.prepareLayout()
        return paint(state)
    }

    /// Paints a prepared state (pure).
    public static func paint(_ state: ScreenState) -> Frame {
        let theme = state.theme
        var grid = CellGrid(width: state.size.width, height: state.size.height, fill: Cell(" ", style: theme[.text]))
        let layout = state.layout
        if layout.tooSmall {
            TooSmallWidget.paint(into: &grid, size: state.size, theme: theme)
            return Frame(grid: grid, cursor: nil)
        }
        if let battle = state.battle {
            if let strip = layout.seatStrip {
                SeatStripWidget.paint(into: &grid, rect: strip, state: state)
            }
            for seat in 0..<battle.seatCount where !layout.panes[seat].isEmpty {
                PaneWidget.paint(into: &grid, rect: layout.panes[seat], seat: seat, state: state,
                                 bordered: !layout.isCompact)
            }
        } else {
            let message = state.battleError.map { "No battle: \($0)" } ?? "Shuffling seats…"
            let y = layout.paneArea.y + layout.paneArea.height / 2
            let text = message.truncated(toWidth: layout.paneArea.width)
            grid.write(text, x: max(0, (layout.paneArea.width - DisplayWidth.of(text)) / 2), y: y,
                       style: theme[state.battleError == nil ? .stateWaiting : .stateError])
        }
        VerdictBarWidget.paint(into: &grid, rect: layout.verdictBar, parts: state.verdictHint, theme: theme)
        let active = state.phase == .composing || state.phase == .preparing
        var cursor = PromptEditorWidget.paint(into: &grid, rect: layout.editor, editor: state.editor, active: active,
                                              placeholder: placeholder(state), theme: theme)
        StatusLineWidget.paint(into: &grid, rect: layout.status, store: state.store, themeName: theme.name, theme: theme)
        if let toast = state.toast {
            ToastWidget.paint(into: &grid, bar: layout.verdictBar, below: [layout.editor, layout.status], toast: toast, theme: theme)
            if DisplayWidth.of(toast.message) + 2 > layout.verdictBar.width { cursor = nil }
        }
        if let overlay = state.overlay {
            TextOverlayWidget.paint(into: &grid, bounds: grid.bounds, overlay: overlay, theme: theme)
            cursor = nil
        }
        if state.helpVisible {
            HelpOverlay.paint(into: &grid, bounds: grid.bounds, theme: theme)
            cursor = nil
        }
        return Frame(grid: grid, cursor: cursor)
    }

    static func placeholder(_ state: ScreenState) -> String {
        switch state.pendingCommand {
        case "q": return "q: press q again to quit, or keep typing"
        case "l": return "l: press l again for the leaderboard, or keep typing"
        case "n": return "n: press n again for a new battle, or keep typing"
        default: break
        }
        switch state.phase {
        case .streaming: return "answers are streaming…"
        case .voting: return "vote to continue"
        case .saving: return "saving…"
        case .preparing, .composing:
            if state.judgingDone { return "Nothing left to judge: q quits, u undoes the last verdict" }
            if state.judgeMode { return "Loading the next comparison…" }
            return state.battle?.currentTurn == nil ? "Ask all models something…" : "Ask a follow-up, or nn for a new battle"
        }
    }
}
