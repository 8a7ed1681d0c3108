import Foundation

/// One verdict with only what ranking and the verdict statistics read: who voted, when, how, and
/// for each seat of the turn its model and whether its answer could win. No prompts, no metrics
/// beyond output tokens, and answer text only when asked for (style control measures it).
///
/// A store reads these with one query instead of assembling whole battles, so a leaderboard over
/// a million verdicts costs a few columns per answer. `votes(in:withText:)` builds the same values
/// from a full `StoredBattle`, and the store tests hold the two paths equal.
public struct RankingVote: Sendable, Equatable {
    /// One seat's answer to the voted turn.
    public struct Contender: Sendable, Equatable {
        public var seatIndex: Int
        public var model: String
        /// An error was recorded for this seat.
        public var failed: Bool
        public var finishReason: FinishReason
        /// The answer has something besides whitespace.
        public var hasText: Bool
        public var outputTokens: Int?
        /// The answer text, when it was asked for.
        public var text: String?
        /// The model the server said answered (`leaderboard --by-version`).
        public var servedModel: String?

        public init(seatIndex: Int, model: String, failed: Bool, finishReason: FinishReason, hasText: Bool,
                    outputTokens: Int?, text: String?, servedModel: String? = nil) {
            self.seatIndex = seatIndex
            self.model = model
            self.failed = failed
            self.finishReason = finishReason
            self.hasText = hasText
            self.outputTokens = outputTokens
            self.text = text
            self.servedModel = servedModel
        }

        /// `Answer.canWin`: complete, non-empty and error-free.
        public var canWin: Bool { Answer.canWin(failed: failed, hasText: hasText, finishReason: finishReason) }
    }

    public var record: VerdictRecord
    /// The battle was blind (the names hidden) when it was fought.
    public var battleBlind: Bool
    public var mode: BattleMode
    /// The identity-leak guard flagged the battle.
    public var leaked: Bool
    /// By seat index.
    public var contenders: [Contender]

    public init(record: VerdictRecord, battleBlind: Bool, mode: BattleMode, leaked: Bool, contenders: [Contender]) {
        self.record = record
        self.battleBlind = battleBlind
        self.mode = mode
        self.leaked = leaked
        self.contenders = contenders
    }

    /// Characters that do not count as text: every scalar of `CharacterSet.whitespacesAndNewlines`
    /// (on Linux it includes U+200B), as a string a store can trim in SQL.
    ///
    /// Trap: only `whitespaceCandidates` are asked, not the whole Basic Multilingual Plane (65,536
    /// lookups were about 12 ms of every process that touched the store); a test holds the two equal.
    public static let whitespace: String = {
        var scalars = String.UnicodeScalarView()
        for value in whitespaceCandidates {
            if let scalar = Unicode.Scalar(value), CharacterSet.whitespacesAndNewlines.contains(scalar) { scalars.append(scalar) }
        }
        return String(scalars)
    }()

    /// Where Unicode's White_Space characters are, and the few more a `CharacterSet` may count
    /// (U+180E, U+200B–U+200D, U+FEFF), in order.
    static let whitespaceCandidates: [UInt32] = Array(0x0000...0x00FF) + [0x1680, 0x180E] + Array(0x2000...0x206F) + [0x3000, 0xFEFF]

    /// The order every reader returns votes in: by verdict time, then battle id, then turn.
    public static func precedes(_ a: RankingVote, _ b: RankingVote) -> Bool {
        if a.record.createdAt != b.record.createdAt { return a.record.createdAt < b.record.createdAt }
        if a.record.battleID != b.record.battleID { return bytesPrecede(a.record.battleID, b.record.battleID) }
        return a.record.turnIndex < b.record.turnIndex
    }

    /// Byte order of two ids, which is also the order of their (upper-case) `uuidString`s, as
    /// the stores compare them, without making strings.
    static func bytesPrecede(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { left in
            withUnsafeBytes(of: b.uuid) { right in left.lexicographicallyPrecedes(right) }
        }
    }

    /// The votes of one stored battle, one per turn with a verdict, in turn order.
    public static func votes(in stored: StoredBattle, withText: Bool) -> [RankingVote] {
        let battle = stored.battle
        return battle.turns.compactMap { turn in
            guard let record = stored.verdicts[turn.index] else { return nil }
            let contenders = turn.answers.sorted { $0.seatIndex < $1.seatIndex }.compactMap { answer -> Contender? in
                guard battle.seats.indices.contains(answer.seatIndex) else { return nil }
                return Contender(seatIndex: answer.seatIndex, model: battle.seats[answer.seatIndex].model.name,
                                 failed: answer.error != nil, finishReason: answer.finishReason,
                                 hasText: answer.text.unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) },
                                 outputTokens: answer.metrics.outputTokens, text: withText ? answer.text : nil,
                                 servedModel: answer.served?.model)
            }
            return RankingVote(record: record, battleBlind: battle.blind, mode: battle.mode, leaked: stored.isLeaked,
                               contenders: contenders)
        }
    }

    /// The votes of many battles, in reading order.
    public static func votes(in battles: [StoredBattle], withText: Bool) -> [RankingVote] {
        battles.flatMap { votes(in: $0, withText: withText) }.sorted(by: precedes)
    }
}
