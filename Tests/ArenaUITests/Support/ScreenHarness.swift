import ArenaCore
import ArenaFuzz
@testable import ArenaUI

/// Drives `ScreenState` the way the run loop does, synchronously: events in, effects collected,
/// frames rendered into a fixed-size grid for picture comparisons.
struct ScreenHarness {
    var state: ScreenState
    private(set) var effects: [ScreenEffect] = []
    var decoder = InputDecoder()

    init(width: Int = 60, height: Int = 16, models: [String] = ["model-one", "model-two"],
         theme: Theme = .plain, store: StoreStatus = StoreStatus(path: "/data/arena.sqlite", verdictCount: 3),
         history: [String] = []) {
        state = ScreenState(size: TerminalSize(width: width, height: height), theme: theme, store: store, history: history)
        effects += state.start()
        if !models.isEmpty { send(.battleReady(.named(models, id: "b1"))) }
    }

    mutating func send(_ event: ScreenEvent) {
        effects += state.handle(event)
    }

    /// Types text as a terminal would deliver it (control codes included).
    mutating func type(_ text: String) {
        for event in decoder.feed(text.unicodeScalars.map { .scalar($0) }) { send(ScreenEvent(event)) }
    }

    mutating func key(_ key: Key, alt: Bool = false) { send(.key(KeyPress(key, alt: alt))) }

    mutating func stream(seat: Int, _ event: StreamEvent, turn: Int? = nil) {
        send(.stream(turn: turn ?? (state.battle?.turns.count ?? 1) - 1, seat: seat, event: event))
    }

    /// Finishes every seat of the current turn with `texts[seat]`.
    mutating func answerAll(_ texts: [String]) {
        for (seat, text) in texts.enumerated() {
            stream(seat: seat, .text(text))
            stream(seat: seat, .finished(.stop))
        }
    }

    mutating func takeEffects() -> [ScreenEffect] {
        defer { effects = [] }
        return effects
    }

    /// The effects so far with the turn saves left out (each completed streamed turn asks for one).
    mutating func takeEffectsButTurnSaves() -> [ScreenEffect] {
        takeEffects().filter { if case .saveTurn = $0 { false } else { true } }
    }

    /// The turn the screen last asked to store, if any.
    func lastTurnSave() -> TurnSubmission? {
        for effect in effects.reversed() { if case .saveTurn(let submission) = effect { return submission } }
        return nil
    }

    /// The screen as text rows, trailing spaces removed.
    mutating func picture() -> [String] {
        ScreenRenderer.render(&state).grid.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    mutating func screenText() -> String { picture().joined(separator: "\n") }

    /// The verdict the screen asked to save, if any.
    func lastSubmission() -> VerdictSubmission? {
        for effect in effects.reversed() { if case .saveVerdict(let submission) = effect { return submission } }
        return nil
    }
}
