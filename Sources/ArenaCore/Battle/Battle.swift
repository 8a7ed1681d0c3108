import Foundation

/// One message of a conversation, as sent to a model.
public struct ChatMessage: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Equatable, Codable { case system, user, assistant }
    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// How a battle came to be.
public enum BattleMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// `arena ask` on the command line.
    case ask
    /// The full-screen arena.
    case screen
    /// A batch run of a prompt suite.
    case run
    /// Imported from another store or LMArena's data.
    case imported = "import"
}

/// One seat's answer to one turn, with what was measured.
public struct Answer: Sendable, Equatable {
    public var seatIndex: Int
    public var text: String
    public var reasoning: String
    public var finishReason: FinishReason
    public var error: ProviderError?
    public var metrics: AnswerMetrics
    /// What the server said answered (nil when it said nothing, or for imported answers).
    public var served: ServedModel?

    public init(seatIndex: Int, text: String, reasoning: String = "", finishReason: FinishReason,
                error: ProviderError? = nil, metrics: AnswerMetrics = AnswerMetrics(), served: ServedModel? = nil) {
        self.seatIndex = seatIndex
        self.text = text
        self.reasoning = reasoning
        self.finishReason = finishReason
        self.error = error
        self.metrics = metrics
        self.served = served
    }

    /// A seat can win only with a complete, non-empty, error-free answer.
    public var canWin: Bool { cannotWinReason == nil }

    /// Why this answer cannot win ("failed", "was cancelled", "gave an empty answer"), or nil.
    public var cannotWinReason: String? {
        Self.cannotWinReason(failed: error != nil, hasText: Self.hasText(text), finishReason: finishReason)
    }

    /// Whether `text` says anything: not empty once whitespace and newlines are trimmed.
    public static func hasText(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// The rule behind `canWin`, for answers known only by these facts (`RankingVote`, the screen).
    public static func canWin(failed: Bool, hasText: Bool, finishReason: FinishReason) -> Bool {
        cannotWinReason(failed: failed, hasText: hasText, finishReason: finishReason) == nil
    }

    /// The one rule for who can win, with its reason in words: the screen, `arena ask` and judge
    /// mode all say "B gave an empty answer, so it cannot win".
    public static func cannotWinReason(failed: Bool, hasText: Bool, finishReason: FinishReason) -> String? {
        if failed || finishReason == .error { return "failed" }
        if finishReason == .cancelled { return "was cancelled" }
        if !hasText { return "gave an empty answer" }
        return nil
    }
}

/// One user prompt and every seat's answer to it.
public struct BattleTurn: Sendable, Equatable {
    public var index: Int
    public var prompt: String
    public var createdAt: Date
    /// Ordered by seat index.
    public var answers: [Answer]

    public init(index: Int, prompt: String, createdAt: Date, answers: [Answer]) {
        self.index = index
        self.prompt = prompt
        self.createdAt = createdAt
        self.answers = answers
    }
}

/// A blind comparison: the same prompts to several seated models.
public struct Battle: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var createdAt: Date
    public var mode: BattleMode
    /// Names were hidden until the vote (LMArena's `anony`).
    public var blind: Bool
    public var systemPrompt: String?
    public var seats: [Seat]
    public var turns: [BattleTurn]
    /// For battles judged from a batch run: the suite prompt they compare.
    public var origin: BattleOrigin?

    public init(id: UUID = UUID(), createdAt: Date, mode: BattleMode, blind: Bool, systemPrompt: String?,
                seats: [Seat], turns: [BattleTurn] = []) {
        self.id = id
        self.createdAt = createdAt
        self.mode = mode
        self.blind = blind
        self.systemPrompt = systemPrompt
        self.seats = seats
        self.turns = turns
    }

    /// The conversation one seat has seen, up to and including `turn`, for the next request or an export.
    public func conversation(forSeat seat: Int, through turn: Int, includeSystem: Bool = true) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if includeSystem, let systemPrompt, !systemPrompt.isEmpty {
            messages.append(ChatMessage(role: .system, content: systemPrompt))
        }
        for past in turns where past.index <= turn {
            messages.append(ChatMessage(role: .user, content: past.prompt))
            if let answer = past.answers.first(where: { $0.seatIndex == seat }) {
                messages.append(ChatMessage(role: .assistant, content: answer.text))
            }
        }
        return messages
    }

    /// Identity words found in any answer or its reasoning so far (the battle is "leaked" when
    /// non-empty): a model that names itself while thinking is as identified as one that says it.
    public var leakedWords: [String] {
        var found: [String] = []
        for turn in turns {
            for leak in turn.leaks {
                for word in leak.words where !found.contains(word) { found.append(word) }
            }
        }
        return found
    }
}

/// Where a judged battle's answers came from: one prompt (and repeat) of a suite's batch run.
public struct BattleOrigin: Sendable, Equatable, Hashable {
    public var suite: String
    public var promptID: String
    public var repeatIndex: Int

    public init(suite: String, promptID: String, repeatIndex: Int) {
        self.suite = suite
        self.promptID = promptID
        self.repeatIndex = repeatIndex
    }
}

/// A verdict as recorded: which turn, by whom, when.
public struct VerdictRecord: Sendable, Equatable {
    public var battleID: UUID
    public var turnIndex: Int
    public var verdict: Verdict
    public var rater: String
    public var createdAt: Date
    /// False when the names were already revealed before this vote (a follow-up turn after an
    /// earlier vote): such verdicts are kept but, like LMArena's non-`anony` votes, not ranked.
    public var blind: Bool

    public init(battleID: UUID, turnIndex: Int, verdict: Verdict, rater: String, createdAt: Date, blind: Bool = true) {
        self.battleID = battleID
        self.turnIndex = turnIndex
        self.verdict = verdict
        self.rater = rater
        self.createdAt = createdAt
        self.blind = blind
    }
}
