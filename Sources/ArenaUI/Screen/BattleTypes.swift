import ArenaCore

/// The seats of a new battle, already shuffled: seat 0 is labelled A, seat 1 B, and so on (1–8).
/// The model names stay hidden until the vote.
public struct BattleSetup: Sendable, Equatable {
    /// Opaque id the environment uses to find the battle again (echoed in requests and verdicts).
    public var battleID: String
    /// Hidden model name per seat, in seat order.
    public var modelNames: [String]
    /// Judge mode: the prompt whose stored answers this battle shows; it is sent at once.
    public var presetPrompt: String?
    /// Judge mode: a line for the verdict bar (suite, prompt id, progress).
    public var caption: String?
    /// Judge mode: the suite's notes for the judge on this prompt (shown with `i`, and in the bar).
    public var notes: String?
    /// Words that would give a seat away besides its name — endpoint model ids, hosts — masked
    /// (with the names and vendor words) in everything shown before the vote.
    public var hiddenWords: [String]

    public init(battleID: String, modelNames: [String], presetPrompt: String? = nil, caption: String? = nil,
                notes: String? = nil, hiddenWords: [String] = []) {
        self.battleID = battleID
        self.modelNames = modelNames
        self.presetPrompt = presetPrompt
        self.caption = caption
        self.notes = notes
        self.hiddenWords = hiddenWords
    }

    /// Everything to mask before the vote: names first, then the other giveaways, longest first
    /// (so `model-7b-chat` is masked whole, not around a masked `model-7b`).
    public var wordsToHide: [String] {
        Array(Set(modelNames + hiddenWords)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}

/// What `.startTurn` asks the environment to stream: one prompt to every seat, each seat with its
/// own history (earlier prompts and that seat's own answers), ending with this turn's prompt.
public struct TurnRequest: Sendable, Equatable {
    public var battleID: String
    /// 0 for the first prompt of a battle, 1 for the first follow-up, …
    public var turn: Int
    public var prompt: String
    /// `conversations[seat]`: user/assistant messages, alternating, last one `.user(prompt)`.
    /// An earlier answer that failed or was cancelled appears with the text it had (maybe empty).
    public var conversations: [[ChatMessage]]

    public init(battleID: String, turn: Int, prompt: String, conversations: [[ChatMessage]]) {
        self.battleID = battleID
        self.turn = turn
        self.prompt = prompt
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

/// How one seat's answer ended, as sent with a verdict.
public struct SeatOutcome: Sendable, Equatable {
    public var modelName: String
    public var answer: AnswerAccumulator
    /// True when the user cancelled this seat's stream.
    public var cancelled: Bool

    public init(modelName: String, answer: AnswerAccumulator, cancelled: Bool) {
        self.modelName = modelName
        self.answer = answer
        self.cancelled = cancelled
    }

    /// Failed or cancelled seats cannot win.
    public var canWin: Bool { !cancelled && answer.error == nil && answer.finishReason != .cancelled }
}

/// What `.saveVerdict` asks the environment to store.
public struct VerdictSubmission: Sendable, Equatable {
    public var battleID: String
    public var turn: Int
    public var prompt: String
    public var choice: VerdictChoice
    /// False when names were already revealed earlier in this battle (a follow-up after a vote):
    /// such verdicts should stay out of the ratings, as LMArena keeps only `anony` battles.
    public var isBlind: Bool
    /// Identity words found per seat in this turn's answers (empty: no leak).
    public var leaks: [SeatLeak]
    public var seats: [SeatOutcome]

    public init(battleID: String, turn: Int, prompt: String, choice: VerdictChoice, isBlind: Bool,
                leaks: [SeatLeak], seats: [SeatOutcome]) {
        self.battleID = battleID
        self.turn = turn
        self.prompt = prompt
        self.choice = choice
        self.isBlind = isBlind
        self.leaks = leaks
        self.seats = seats
    }

    public var isLeaked: Bool { !leaks.isEmpty }
}

/// Identity words one seat's answer contained.
public struct SeatLeak: Sendable, Equatable {
    public var seat: Int
    public var words: [String]

    public init(seat: Int, words: [String]) {
        self.seat = seat
        self.words = words
    }
}

/// What the panes show about a seat once the vote is in. The environment fills it.
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

    public init(modelName: String, timeToFirstTokenMilliseconds: Int? = nil, totalMilliseconds: Int? = nil,
                tokensPerSecond: Double? = nil, outputTokens: Int? = nil, outputTokensEstimated: Bool = false,
                costUSD: Double? = nil) {
        self.modelName = modelName
        self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
        self.totalMilliseconds = totalMilliseconds
        self.tokensPerSecond = tokensPerSecond
        self.outputTokens = outputTokens
        self.outputTokensEstimated = outputTokensEstimated
        self.costUSD = costUSD
    }
}

/// The environment's answer to `.saveVerdict`.
public struct VerdictReceipt: Sendable, Equatable {
    /// Verdicts in the store after saving (for the status line); nil if unknown.
    public var verdictCount: Int?
    /// Why saving failed, in words for the user; nil when saved.
    public var saveError: String?
    /// Per seat, in seat order. Ignored for `.skip`.
    public var reveals: [SeatReveal]

    public init(verdictCount: Int? = nil, saveError: String? = nil, reveals: [SeatReveal]) {
        self.verdictCount = verdictCount
        self.saveError = saveError
        self.reveals = reveals
    }
}

/// What the status line shows about the store.
public struct StoreStatus: Sendable, Equatable {
    public var path: String
    public var verdictCount: Int

    public init(path: String, verdictCount: Int) {
        self.path = path
        self.verdictCount = verdictCount
    }
}
