import ArenaCore
import ArenaUI

/// A model-based check of the arena screen: seeded random sequences of stream chunks, resizes,
/// zooms, focus changes, scrolls, reasoning toggles, theme changes, votes, follow-up turns, new
/// battles (1–8 seats) and judge-mode comparisons are applied to the real reducer and renderer.
/// After every step, every visible pane's rows must equal `PaneOracle`'s render of *that seat's*
/// own text at the pane's size and scroll, the scroll position must be in range, the footer must
/// count the rows above and below, and no model name may show before the vote.
///
/// ```swift
/// let report = ScreenModelCheck(seed: 7, judgeMode: false).run(steps: 2_000)
/// report.failures   // [] — or the first mismatches, each with the step and seed that reproduce it
/// ```
public struct ScreenModelCheck {
    public struct Report: Sendable {
        public var steps = 0
        public var panesChecked = 0
        public var battles = 0
        public var turns = 0
        public var failures: [String] = []
    }

    let seed: UInt64
    let judgeMode: Bool
    var random: SeededGenerator
    var text: AnswerTextGenerator
    var state: ScreenState
    var clock = Duration.zero
    var report = Report()
    /// The checker's own record of the battle on screen.
    var names: [String] = []
    var turns: [TurnRecord] = []
    /// Per seat of the current turn: chunks not yet streamed.
    var pending: [[String]] = []
    var pendingReasoning: [[String]] = []
    var revealed = false
    var battleCounter = 0
    var awaitingBattle = false

    public init(seed: UInt64, judgeMode: Bool = false) {
        self.seed = seed
        self.judgeMode = judgeMode
        random = SeededGenerator(seed: seed)
        text = AnswerTextGenerator(seed: seed &* 31 &+ 17)
        state = ScreenState(size: TerminalSize(width: 120, height: 36), theme: .plain,
                            store: StoreStatus(path: "/tmp/model-check.sqlite", verdictCount: 0), judgeMode: judgeMode)
        perform(state.start())
    }

    /// Runs `steps` random actions, checking the screen after each; stops after 5 failures.
    public mutating func run(steps: Int) -> Report {
        for step in 0..<steps {
            report.steps = step + 1
            act()
            check(step: step)
            if report.failures.count >= 5 { break }
        }
        return report
    }

    // MARK: Acting

    mutating func act() {
        clock += .milliseconds(Int.random(in: 0...700, using: &random))
        send(.tick(clock))
        if awaitingBattle { return answerNewBattle() }
        let roll = Int.random(in: 0..<100, using: &random)
        switch state.phase {
        case .streaming where roll < 55: streamSomething()
        case .voting where roll < 30, .saving where roll < 30: voteOrConfirm()
        case .composing where roll < 25 && !judgeMode: followUpOrNewBattle()
        default: navigate()
        }
    }

    mutating func answerNewBattle() {
        awaitingBattle = false
        battleCounter += 1
        report.battles += 1
        let seats = judgeMode ? 2 : [1, 2, 2, 3, 4, 5, 8][Int.random(in: 0..<7, using: &random)]
        names = (0..<seats).map { "zq-model-\(battleCounter)-\($0)" }
        turns = []
        revealed = false
        guard judgeMode else { return send(.battleReady(.named(names, id: "battle-\(battleCounter)"))) }
        // Judge mode: stored answers, delivered as the run loop does — `.battleReady`, then `.answersLoaded`.
        let prompt = text.prompt()
        var record = TurnRecord(prompt: prompt, seats: [])
        for seat in names.indices {
            let answer = text.answer(seatTag: "j\(battleCounter)\(SeatLabels.label(for: seat))")
            let thought = Int.random(in: 0..<4, using: &random) == 0 ? text.reasoning(seatTag: "jr\(SeatLabels.label(for: seat))") : ""
            record.seats.append(SeatRecord(text: answer, reasoning: thought, phase: .finished(.stop)))
        }
        let stored = BattleTurn.answered(prompt, texts: record.seats.map(\.text), reasonings: record.seats.map(\.reasoning))
        let setup = BattleSetup.named(names, id: "battle-\(battleCounter)", caption: "suite · p\(battleCounter) · notes for the judge",
                                      storedTurn: stored)
        send(.battleReady(setup))
        turns = [record]
        report.turns += 1
        pending = names.map { _ in [] }
        pendingReasoning = pending
        send(.answersLoaded(battleID: setup.battleID, turn: stored))
    }

    mutating func streamSomething() {
        let open = pending.indices.filter { !turns[turns.count - 1].seats[$0].isComplete }
        guard let seat = open.randomElement(using: &random) else { return }
        let turn = turns.count - 1
        if !pendingReasoning[seat].isEmpty, Int.random(in: 0..<3, using: &random) > 0 {
            let piece = pendingReasoning[seat].removeFirst()
            turns[turn].seats[seat].reasoning += piece
            turns[turn].seats[seat].phase = .streaming
            return send(.stream(turn: turn, seat: seat, event: .reasoning(piece)))
        }
        if !pending[seat].isEmpty, Int.random(in: 0..<30, using: &random) > 0 {
            let piece = pending[seat].removeFirst()
            turns[turn].seats[seat].text += piece
            turns[turn].seats[seat].phase = .streaming
            return send(.stream(turn: turn, seat: seat, event: .text(piece)))
        }
        let ending = Int.random(in: 0..<20, using: &random)
        if ending == 0 {
            let message = "connection reset by peer after \(Int.random(in: 1...900, using: &random)) bytes"
            turns[turn].seats[seat].phase = .failed(message)
            send(.stream(turn: turn, seat: seat, event: .failed(ProviderError(.network, message))))
        } else if ending == 1, !judgeMode {
            pressEscape()
        } else {
            let reason: FinishReason = ending == 2 ? .length : ending == 3 ? .truncated : .stop
            turns[turn].seats[seat].phase = .finished(reason)
            send(.stream(turn: turn, seat: seat, event: .finished(reason)))
        }
    }

    mutating func voteOrConfirm() {
        if state.phase == .saving {
            let reveals = names.map { SeatReveal(modelName: $0, timeToFirstTokenMilliseconds: Int.random(in: 1...900, using: &random),
                                                 tokensPerSecond: 42.5, outputTokens: 100, costUSD: 0.0012) }
            let failed = Int.random(in: 0..<10, using: &random) == 0
            let verdict = state.battle?.currentTurn?.verdict
            send(.verdictSaved(turn: turns.count - 1,
                               receipt: VerdictReceipt(verdictCount: 1, saveError: failed ? "disk full" : nil, reveals: reveals)))
            if !judgeMode, verdict != .skip { revealed = true }
            return
        }
        if names.count >= 3, Int.random(in: 0..<3, using: &random) == 0 {
            // A ranking vote: a few seat keys, sometimes `=` or Backspace between them, then Enter.
            var typed = ""
            for _ in 0..<Int.random(in: 1...min(4, names.count), using: &random) {
                typed.append(Character(UnicodeScalar(UInt8(97 + Int.random(in: 0..<names.count, using: &random)))))
                if Int.random(in: 0..<4, using: &random) == 0 { typed.append("=") }
            }
            type(typed)
            if Int.random(in: 0..<5, using: &random) == 0 { send(.key(KeyPress(.backspace))) }
            send(.key(KeyPress(.enter)))
            return
        }
        let keys: [Character] = ["1", "2", "a", "b", "c", "t", "x", "s", "h", "8"]
        type(String(keys[Int.random(in: 0..<keys.count, using: &random)]))
    }

    mutating func followUpOrNewBattle() {
        if turns.isEmpty || Int.random(in: 0..<3, using: &random) > 0 {
            let prompt = text.prompt()
            for character in prompt {
                send(.key(character == "\n" ? KeyPress(.control("j")) : KeyPress(.character(character))))
            }
            send(.key(KeyPress(.enter)))
        } else {
            type("nn")
        }
    }

    mutating func navigate() {
        switch Int.random(in: 0..<22, using: &random) {
        case 0, 1: resize()
        case 2: send(.key(KeyPress(.character("z"))))
        case 3: send(.key(KeyPress(.tab)))
        case 4: send(.key(KeyPress(.backTab)))
        case 5: send(.key(KeyPress(.pageUp)))
        case 6: send(.key(KeyPress(.pageDown)))
        case 7: send(.key(KeyPress(.home)))
        case 8: send(.key(KeyPress(.end)))
        case 9: send(.key(KeyPress(.up)))
        case 10: send(.key(KeyPress(.down)))
        case 11, 12:
            let x = Int.random(in: 0..<max(1, state.size.width), using: &random)
            let y = Int.random(in: 0..<max(1, state.size.height), using: &random)
            send(.mouse(Bool.random(using: &random) ? .wheelUp(x: x, y: y) : .wheelDown(x: x, y: y)))
        case 13:
            send(.mouse(.press(x: Int.random(in: 0..<max(1, state.size.width), using: &random),
                               y: Int.random(in: 0..<max(1, state.size.height), using: &random))))
        case 14: send(.key(KeyPress(.character("r"))))
        case 15:
            let name = BuiltinThemes.names[Int.random(in: 0..<BuiltinThemes.names.count, using: &random)]
            if let theme = try? ThemeLoader.builtin(named: name) { state.theme = theme }
        case 16: pressEscape()
        case 17 where judgeMode: send(.key(KeyPress(.character("+"))))
        case 18 where judgeMode && state.phase == .composing: type(Bool.random(using: &random) ? "nn" : "u")
        default: streamSomethingIfAny()
        }
    }

    /// Esc cancels every seat still answering (and only then).
    mutating func pressEscape() {
        let wasStreaming = state.phase == .streaming
        send(.key(KeyPress(.escape)))
        guard wasStreaming, !turns.isEmpty else { return }
        for index in turns[turns.count - 1].seats.indices where !turns[turns.count - 1].seats[index].isComplete {
            turns[turns.count - 1].seats[index].phase = .cancelled
        }
    }

    mutating func streamSomethingIfAny() {
        if state.phase == .streaming { streamSomething() }
    }

    mutating func resize() {
        let sizes = [(0, 0), (1, 1), (19, 5), (20, 6), (24, 8), (40, 12), (80, 24), (100, 30), (160, 45), (220, 60)]
        let (width, height) = Int.random(in: 0..<3, using: &random) == 0
            ? sizes[Int.random(in: 0..<sizes.count, using: &random)]
            : (Int.random(in: 20...200, using: &random), Int.random(in: 6...60, using: &random))
        send(.resize(width: width, height: height))
    }

    mutating func type(_ keys: String) {
        for character in keys { send(.key(KeyPress(.character(character)))) }
    }

    mutating func send(_ event: ScreenEvent) {
        perform(state.handle(event))
    }

}

extension ScreenModelCheck {
    /// Renders the state as the run loop would and compares every visible pane with the oracle.
    mutating func check(step: Int) {
        let grid = ScreenRenderer.render(&state).grid
        let context = "seed \(seed)\(judgeMode ? " (judge)" : ""), step \(step), \(state.size.width)×\(state.size.height)"
            + (state.zoomed ? ", zoomed" : "")
        let result = PaneComparison.compare(grid: grid, state: state, turns: turns, names: names,
                                            namesMayShow: revealed && !judgeMode, context: context)
        report.failures += result.failures
        report.panesChecked += result.panesChecked
    }
}
