import Foundation

/// Everything the arena screen shows, as one value. Change it only through `handle(_:)`.
///
/// ```swift
/// var state = ScreenState(size: TerminalSize(width: 120, height: 30), theme: theme,
///                         store: StoreStatus(path: "~/.local/share/arena/arena.sqlite", verdictCount: 0))
/// let effects = state.handle(.battleReady(setup))     // []
/// state.handle(.key(.char("h")))                       // typing …
/// let frame = ScreenRenderer.render(&state)            // a CellGrid to diff and show
/// ```
public struct ScreenState: Sendable {
    public var size: TerminalSize
    public var theme: Theme
    public var store: StoreStatus
    public var leakGuard: IdentityLeakGuard

    public internal(set) var battle: ScreenBattle?
    /// Why the last `.newBattle` failed.
    public internal(set) var battleError: String?
    /// A `.newBattle` is under way.
    public internal(set) var awaitingBattle = false
    public internal(set) var editor: PromptEditor
    public internal(set) var focusedSeat = 0
    public internal(set) var zoomed = false
    public internal(set) var scroll: [PaneScroll] = []
    public internal(set) var reasoningExpanded = true
    public internal(set) var helpVisible = false
    /// Judge mode: stored answers, no reveal, the next comparison after each vote.
    public internal(set) var judgeMode = false
    /// Battles of 3+ seats, voting: the ranking being typed (seat keys, `=`), saved by Enter.
    var rankingDraft = RankingDraft()
    /// Judge mode: adequacy marks on this battle's seats.
    public internal(set) var adequacy: [Int: Bool] = [:]
    /// A text box over the panes (the leaderboard); any key closes it.
    public internal(set) var overlay: TextOverlay?
    public internal(set) var toast: Toast?
    /// Time since start, from the last `.tick`.
    public internal(set) var now: Duration = .zero
    /// The wall-clock time the screen started: `startedAt + now` dates each turn.
    public let startedAt: Date
    /// A first Ctrl-C was pressed; a second one before this time quits.
    public internal(set) var quitArmedUntil: Duration?
    public internal(set) var savingVerdict = false
    /// `q` or `n` pressed once on an empty prompt while composing: a second press acts, any other
    /// key types the letter and goes on (so prompts may start with q or n).
    public internal(set) var pendingCommand: Character?
    /// `.quit` was emitted.
    public internal(set) var hasQuit = false
    /// Something visible changed since the last frame.
    public internal(set) var needsRedraw = true
    /// Ctrl-L: the run loop should repaint every cell.
    public var fullRedrawRequested = false

    public init(size: TerminalSize, theme: Theme, store: StoreStatus, history: [String] = [],
                leakGuard: IdentityLeakGuard = .default, notice: String? = nil, judgeMode: Bool = false,
                startedAt: Date = Date(timeIntervalSince1970: 0)) {
        self.judgeMode = judgeMode
        self.startedAt = startedAt
        self.size = size
        self.theme = theme
        self.store = store
        self.leakGuard = leakGuard
        self.editor = PromptEditor(history: history)
        if let notice { toast = Toast(message: notice, isError: true, expires: .seconds(8)) }
    }

    public var phase: ScreenPhase {
        guard let battle else { return .preparing }
        guard let turn = battle.currentTurn else { return .composing }
        if battle.live != nil { return .streaming }
        if turn.verdict == nil { return .voting }
        if savingVerdict { return .saving }
        return .composing
    }

    public var seatCount: Int { battle?.seatCount ?? 0 }

    /// Whether single-key commands (q, n, z, r, ?) act instead of typing.
    var commandKeysActive: Bool {
        switch phase {
        case .streaming, .voting, .saving: return true
        case .composing, .preparing: return editor.isEmpty
        }
    }

    public var layout: ScreenLayout {
        ScreenLayout.compute(size: size, seatCount: seatCount, focused: focusedSeat, zoomed: zoomed,
                             editorRows: PromptEditorWidget.rowCount(editor, width: size.width))
    }

    /// Wraps every answer for its pane's current width. The renderer calls this once per frame;
    /// it only does work for text that changed or panes that changed width.
    public mutating func prepareLayout() {
        guard let seats = battle?.seatCount, let turns = battle?.turns.count else { return }
        let layout = self.layout
        for seat in 0..<seats {
            let width = layout.inner(seat).width
            guard width > 0 else { continue }
            for turn in 0..<turns {
                // In place (optional chaining), so the text buffers are never copied.
                battle?.turns[turn].seats[seat].layout(width: width)
            }
            guard seat < scroll.count else { continue }
            let area = PaneWidget.scrollArea(state: self, seat: seat)
            let total = PaneContent.build(state: self, seat: seat, width: area.width).count
            var view = scroll[seat]
            if !view.follow, view.layoutWidth != width, view.layoutWidth > 0, view.lastTotal > 0 {
                view.top = view.top * total / view.lastTotal
            }
            view.layoutWidth = width
            view.lastTotal = total
            scroll[seat] = view
        }
    }

    /// `now` on the wall clock.
    var wallClockNow: Date {
        startedAt.addingTimeInterval(Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18)
    }

    /// Shows `message` in the verdict bar until `seconds` from now (or the next toast).
    mutating func showToast(_ message: String, isError: Bool = false, seconds: Int = 2) {
        toast = Toast(message: message, isError: isError, expires: now + .seconds(seconds))
    }
}
