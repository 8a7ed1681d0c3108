import ArenaCore
import Foundation

/// The battle on screen: ArenaCore's `Battle` — the only record of the answers — plus the turn
/// being streamed into it and what only the screen keeps (wrapped text, verdicts, reveals).
///
/// A streamed event is applied once, to `live`; when every seat is done the live turn becomes the
/// battle's next `BattleTurn` (with its metrics), and that battle is what the store receives.
public struct ScreenBattle: Sendable {
    public private(set) var battle: Battle
    /// The turn being answered, until every seat is done.
    public private(set) var live: LiveTurn?
    /// One per turn shown (the completed ones, then the live one).
    public internal(set) var turns: [ScreenTurn] = []
    /// Names have been shown (after the first non-skip verdict).
    public internal(set) var revealed = false
    public let caption: String?
    public let notes: String?
    /// Names and other giveaways to mask before the vote (`BattleSetup.wordsToHide`).
    public let wordsToHide: [String]

    public init(setup: BattleSetup) {
        var battle = setup.battle
        battle.seats = Array(battle.seats.prefix(SeatLabels.maximum))
        self.battle = battle
        caption = setup.caption
        notes = setup.notes
        wordsToHide = setup.wordsToHide
    }

    public var battleID: String { battle.id.uuidString.lowercased() }
    public var seatCount: Int { battle.seats.count }
    public var modelNames: [String] { battle.seats.map(\.model.name) }
    public var currentTurn: ScreenTurn? { turns.last }

    /// Seat label: A, B, … H.
    public static func label(_ seat: Int) -> String { SeatLabels.label(for: seat) }

    /// Where `seat`'s answer to `turn` stands.
    public func phase(turn: Int, seat: Int) -> SeatPhase {
        if let live, live.index == turn { return live.answers.indices.contains(seat) ? SeatPhase(live.answers[seat]) : .waiting }
        guard let stored = storedTurn(turn), let answer = stored.answers.first(where: { $0.seatIndex == seat }) else { return .waiting }
        return SeatPhase(answer)
    }

    /// Why `seat` cannot win the current turn (ArenaCore's one rule), or nil.
    public func cannotWinReason(seat: Int) -> String? {
        if let live { return live.answers.indices.contains(seat) ? live.answers[seat].cannotWinReason : "does not exist" }
        guard let turn = currentTurn, let stored = storedTurn(turn.index),
              let answer = stored.answers.first(where: { $0.seatIndex == seat }) else { return "does not exist" }
        return answer.cannotWinReason
    }

    public func canWin(seat: Int) -> Bool { cannotWinReason(seat: seat) == nil }

    func storedTurn(_ index: Int) -> BattleTurn? {
        battle.turns.indices.contains(index) && battle.turns[index].index == index
            ? battle.turns[index] : battle.turns.first { $0.index == index }
    }

    /// Starts the next turn; returns what to send.
    mutating func begin(prompt: String, at date: Date) -> TurnRequest {
        let turn = battle.beginTurn(prompt: prompt, at: date)
        live = turn
        turns.append(ScreenTurn(index: turn.index, prompt: prompt, seatCount: seatCount, isBlind: !revealed))
        return TurnRequest(battleID: battleID, turn: turn.index, prompt: prompt, seats: battle.seats,
                           conversations: turn.conversations)
    }

    /// Applies one streamed event to the live turn (once) and shows its text. False when ignored.
    @discardableResult
    mutating func apply(_ event: StreamEvent, turn: Int, seat: Int) -> Bool {
        guard live?.index == turn, live?.apply(event, seat: seat) == true else { return false }
        switch event {
        case .text(let piece): turns[turns.count - 1].seats[seat].answer.append(piece)
        case .reasoning(let piece): turns[turns.count - 1].seats[seat].reasoning.append(piece)
        default: break
        }
        completeIfDone()
        return true
    }

    mutating func record(_ timing: AnswerTiming, turn: Int, seat: Int) {
        guard live?.index == turn else { return }
        live?.record(timing, seat: seat)
    }

    /// Ends the live turn: `cancel` keeps what arrived; otherwise open seats are marked failed.
    mutating func endLiveTurn(cancelled: Bool) {
        if cancelled { live?.cancel() } else { live?.endWithoutResult() }
        completeIfDone()
    }

    /// Answers already given (judge mode): shown as a complete turn to vote on.
    mutating func load(_ stored: BattleTurn) {
        var turn = ScreenTurn(index: battle.nextTurnIndex, prompt: stored.prompt, seatCount: seatCount, isBlind: !revealed)
        var answers = stored.answers
        for index in answers.indices { answers[index].seatIndex = index }
        let loaded = BattleTurn(index: turn.index, prompt: stored.prompt, createdAt: stored.createdAt,
                                answers: Array(answers.prefix(seatCount)))
        for answer in loaded.answers {
            turn.seats[answer.seatIndex].reasoning.append(answer.reasoning)
            turn.seats[answer.seatIndex].answer.append(answer.text)
        }
        turn.leaks = loaded.leaks
        battle.turns.append(loaded)
        turns.append(turn)
    }

    /// Whether the live turn just became a stored turn.
    private mutating func completeIfDone() {
        guard let finished = live, finished.isComplete else { return }
        battle.append(finished)
        live = nil
        turns[turns.count - 1].leaks = battle.turns.last?.leaks ?? []
    }
}

/// The screen's side of one prompt and every seat's answer to it.
public struct ScreenTurn: Sendable {
    public var index: Int
    public var prompt: String
    public var seats: [SeatView]
    /// Names were hidden when this turn was sent.
    public var isBlind: Bool
    public var verdict: VerdictChoice?
    /// Filled when the environment confirms the verdict (not for a skip).
    public var reveals: [SeatReveal]?
    /// Identity words per seat, by ArenaCore's rule, found once the turn completed.
    public var leaks: [SeatLeak] = []

    public init(index: Int, prompt: String, seatCount: Int, isBlind: Bool) {
        self.index = index
        self.prompt = prompt
        self.seats = Array(repeating: SeatView(), count: seatCount)
        self.isBlind = isBlind
    }

    public func leakWords(seat: Int) -> [String] { leaks.first { $0.seat == seat }?.words ?? [] }
}

/// One seat's answer as the screen shows it: the wrapped text, a layout cache fed by the same
/// deltas the battle folds (the answer itself lives in the battle).
public struct SeatView: Sendable {
    public internal(set) var answer = WrappedDocument(kind: .markdown)
    public internal(set) var reasoning = WrappedDocument(kind: .plain(.reasoning))

    public init() {}

    public mutating func layout(width: Int) {
        answer.layout(width: width)
        reasoning.layout(width: width)
    }
}
