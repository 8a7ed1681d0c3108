import ArenaCore
import Foundation

/// A new battle for the screen: ArenaCore's `Battle` (its seats already shuffled — seat 0 is
/// labelled A, seat 1 B, … up to 8 — its system prompt and origin) plus what only the screen
/// needs. The model names stay hidden until the vote.
public struct BattleSetup: Sendable, Equatable {
    /// The battle itself: the screen streams its turns into it and hands it back with each verdict.
    public var battle: Battle
    /// Judge mode: a line for the verdict bar (suite, prompt id, progress).
    public var caption: String?
    /// Judge mode: the suite's notes for the judge on this prompt (shown with `i`, and in the bar).
    public var notes: String?
    /// Words that would give a seat away besides its name — endpoint model ids, hosts — masked
    /// (with the names and vendor words) in everything shown before the vote.
    public var hiddenWords: [String]
    /// Answers already given (judge mode's stored answers): the run loop delivers them as
    /// `.answersLoaded` once the battle is on screen, and they are voted on like streamed ones.
    public var storedTurn: BattleTurn?

    public init(battle: Battle, caption: String? = nil, notes: String? = nil, hiddenWords: [String] = [],
                storedTurn: BattleTurn? = nil) {
        self.battle = battle
        self.caption = caption
        self.notes = notes
        self.hiddenWords = hiddenWords
        self.storedTurn = storedTurn
    }

    /// The id the environment knows the battle by (echoed in requests and verdicts).
    public var battleID: String { battle.id.uuidString.lowercased() }

    /// Hidden model name per seat, in seat order.
    public var modelNames: [String] { battle.seats.map(\.model.name) }

    /// Everything to mask before the vote: names first, then the other giveaways, longest first
    /// (so `model-7b-chat` is masked whole, not around a masked `model-7b`).
    public var wordsToHide: [String] {
        Array(Set(modelNames + hiddenWords)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}

/// What `.startTurn` asks the environment to stream: one prompt to every seat, each seat with its
/// own conversation (built by ArenaCore: system prompt, earlier prompts and that seat's own
/// answers, then this turn's prompt).
public struct TurnRequest: Sendable, Equatable {
    public var battleID: String
    /// 0 for the first prompt of a battle, 1 for the first follow-up, …
    public var turn: Int
    public var prompt: String
    public var seats: [Seat]
    /// `conversations[seat]`: the messages to send that seat, last one `.user(prompt)`.
    /// An earlier answer that failed or was cancelled appears with the text it had (maybe empty).
    public var conversations: [[ChatMessage]]

    public init(battleID: String, turn: Int, prompt: String, seats: [Seat], conversations: [[ChatMessage]]) {
        self.battleID = battleID
        self.turn = turn
        self.prompt = prompt
        self.seats = seats
        self.conversations = conversations
    }
}

/// The user's verdict on one turn.
public enum VerdictChoice: Sendable, Equatable {
    /// That seat (0-based) won against every other seat.
    case seat(Int)
    /// Battles of 3+ seats: best → worst with ties, perhaps only the top few. Never a winner
    /// alone or an all-tie (`init(_:)` makes those `.seat` and `.tie`).
    case ranking(SeatRanking)
    case tie
    case bothBad
    /// No verdict: nothing is revealed and the battle stays blind.
    case skip

    /// The choice a typed ranking stands for, by `SeatRanking.verdict`: `c` alone is `.seat(2)`,
    /// `a=b=c` in three seats `.tie`, anything else `.ranking`.
    init(_ ranking: SeatRanking) {
        switch ranking.verdict {
        case .seat(let seat): self = .seat(seat)
        case .tie: self = .tie
        case .bothBad: self = .bothBad
        case .skip: self = .skip
        case .ranking(let ranking): self = .ranking(ranking)
        }
    }

    /// The verdict this choice records (whose rules — who may be placed above whom — are Core's).
    public var verdict: Verdict {
        switch self {
        case .seat(let seat): .seat(seat)
        case .ranking(let ranking): .ranking(ranking)
        case .tie: .tie
        case .bothBad: .bothBad
        case .skip: .skip
        }
    }
}

/// What `.saveVerdict` asks the environment to store: this battle, this turn, this verdict.
public struct VerdictSubmission: Sendable, Equatable {
    /// The battle as the screen holds it: every answer as streamed (or loaded) and shown.
    public var battle: Battle
    public var turn: Int
    public var choice: VerdictChoice
    /// False when names were already revealed earlier in this battle (a follow-up after a vote):
    /// such verdicts should stay out of the ratings, as LMArena keeps only `anony` battles.
    public var isBlind: Bool
    /// When the vote was cast, on the screen's clock (the stored verdict's time).
    public var votedAt: Date

    public init(battle: Battle, turn: Int, choice: VerdictChoice, isBlind: Bool, votedAt: Date) {
        self.battle = battle
        self.turn = turn
        self.choice = choice
        self.isBlind = isBlind
        self.votedAt = votedAt
    }

    public var battleID: String { battle.id.uuidString.lowercased() }
    public var verdict: Verdict { choice.verdict }
    /// The turn voted on.
    public var answers: [Answer] { battle.turns.first { $0.index == turn }?.answers ?? [] }
}

/// What `.saveTurn` asks the environment to store as soon as a streamed turn is complete, so the
/// answers are kept whether or not a vote follows.
public struct TurnSubmission: Sendable, Equatable {
    public var battle: Battle
    public var turn: Int

    public init(battle: Battle, turn: Int) {
        self.battle = battle
        self.turn = turn
    }
}

/// What the panes show about a seat once the vote is in. The environment fills it from what it
/// stored (`SeatReveal(seat:answer:)`).
public struct SeatReveal: Sendable, Equatable {
    public var modelName: String
    /// Time to first token, in milliseconds.
    public var timeToFirstTokenMilliseconds: Int?
    /// From sending the prompt to the last token, in milliseconds.
    public var totalMilliseconds: Int?
    public var tokensPerSecond: Double?
    public var outputTokens: Int?
    /// True when `outputTokens` is an estimate (the server sent no usage).
    public var outputTokensEstimated: Bool
    public var costUSD: Double?
    /// The model the server said answered, when it is not the configured model id.
    public var servedModel: String?

    public init(modelName: String, timeToFirstTokenMilliseconds: Int? = nil, totalMilliseconds: Int? = nil,
                tokensPerSecond: Double? = nil, outputTokens: Int? = nil, outputTokensEstimated: Bool = false,
                costUSD: Double? = nil, servedModel: String? = nil) {
        self.modelName = modelName
        self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
        self.totalMilliseconds = totalMilliseconds
        self.tokensPerSecond = tokensPerSecond
        self.outputTokens = outputTokens
        self.outputTokensEstimated = outputTokensEstimated
        self.costUSD = costUSD
        self.servedModel = servedModel
    }

    /// The reveal of a stored answer: its seat's model and the answer's metrics.
    public init(seat: Seat, answer: Answer?) {
        let metrics = answer?.metrics
        self.init(modelName: seat.model.name, timeToFirstTokenMilliseconds: metrics?.ttftMs.map { Int($0.rounded()) },
                  totalMilliseconds: metrics?.durationMs.map { Int($0.rounded()) }, tokensPerSecond: metrics?.tokensPerSecond,
                  outputTokens: metrics?.outputTokens, outputTokensEstimated: metrics?.tokensEstimated ?? false,
                  costUSD: metrics?.costUSD, servedModel: answer?.served?.differs(fromRequested: seat.model.model))
    }
}

/// The environment's answer to `.saveVerdict`.
public struct VerdictReceipt: Sendable, Equatable {
    /// Verdicts in the store after saving (for the status line); nil if unknown.
    public var verdictCount: Int?
    /// Why saving failed, in words for the user; nil when saved.
    public var saveError: String?
    /// Per seat, in seat order, from what was stored. Ignored for `.skip`.
    public var reveals: [SeatReveal]
    /// The identity words the store flagged the battle with (empty: not flagged).
    public var leakedWords: [String]

    public init(verdictCount: Int? = nil, saveError: String? = nil, reveals: [SeatReveal], leakedWords: [String] = []) {
        self.verdictCount = verdictCount
        self.saveError = saveError
        self.reveals = reveals
        self.leakedWords = leakedWords
    }
}

/// What the status line shows about the store.
public struct StoreStatus: Sendable, Equatable {
    public var path: String
    /// Nil until counted: the screen opens before the store is read (`.loadStore`).
    public var verdictCount: Int?

    public init(path: String, verdictCount: Int?) {
        self.path = path
        self.verdictCount = verdictCount
    }
}

/// The environment's answer to `.loadStore`: what the screen shows from the store, read after the
/// first frame so that opening costs the same whatever the store holds.
public struct StoreDetails: Sendable, Equatable {
    public var verdictCount: Int?
    /// Earlier prompts for Up/Down, oldest first.
    public var promptHistory: [String]
    /// Why reading failed, in words for the user.
    public var error: String?

    public init(verdictCount: Int?, promptHistory: [String] = [], error: String? = nil) {
        self.verdictCount = verdictCount
        self.promptHistory = promptHistory
        self.error = error
    }
}
