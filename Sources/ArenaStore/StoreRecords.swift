import ArenaCore
import Foundation
import GRDB

/// One row per table; the only place column names appear outside migrations.
struct BattleRow: StoredRecord {
    static let databaseTableName = "battle"
    static let enumColumns: [String: any StoredEnumeration.Type] = ["mode": BattleMode.self]
    var id: String
    var created_at: Double
    var mode: BattleMode
    var blind: Bool
    var system_prompt: String?
    var seat_count: Int
    var suite: String? = nil
    var prompt_id: String? = nil
    var repeat_index: Int? = nil
}

/// One identity word the leak guard found in a battle, in the order found (`word_index` 0, 1, …).
struct LeakRow: StoredRecord {
    static let databaseTableName = "battle_leak"
    var battle_id: String
    var word_index: Int
    var word: String
}

struct SeatRow: StoredRecord {
    static let databaseTableName = "seat"
    static let enumColumns: [String: any StoredEnumeration.Type] = ["provider": ProviderKind.self]
    var battle_id: String
    var seat_index: Int
    var model_name: String
    var provider: ProviderKind
    var model_id: String
    var base_url: String
}

struct TurnRow: StoredRecord {
    static let databaseTableName = "turn"
    var battle_id: String
    var turn_index: Int
    var prompt: String
    var created_at: Double
}

struct AnswerRow: StoredRecord {
    static let databaseTableName = "answer"
    static let enumColumns: [String: any StoredEnumeration.Type] = ["finish_reason": FinishReason.self,
                                                                     "error_kind": ProviderError.Kind.self]
    var battle_id: String
    var turn_index: Int
    var seat_index: Int
    var text: String
    var reasoning: String
    var finish_reason: FinishReason
    var error_kind: ProviderError.Kind?
    var error_message: String?
    var error_status: Int?
    var ttft_ms: Double?
    var duration_ms: Double?
    var input_tokens: Int?
    var output_tokens: Int?
    var reasoning_tokens: Int?
    var tokens_estimated: Bool
    var cost_usd: Double?
    /// What the server said answered (v10).
    var served_model: String? = nil
    var served_fingerprint: String? = nil
}

struct VerdictRow: StoredRecord {
    static let databaseTableName = "verdict"
    static let enumColumns: [String: any StoredEnumeration.Type] = ["outcome": VerdictOutcome.self]
    var battle_id: String
    var turn_index: Int
    var outcome: VerdictOutcome
    var winner_seat: Int?
    var rater: String
    var created_at: Double
    var blind: Bool
    /// For `outcome = .rank`: the ranking as `SeatRanking.code` (`C>A=D>B`).
    var ranking: String? = nil
}
