import Foundation
import GRDB

/// One row per table; the only place column names appear outside migrations.
struct BattleRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "battle"
    var id: String
    var created_at: Double
    var mode: String
    var blind: Bool
    var system_prompt: String?
    var seat_count: Int
    var leaked_words: String
    var suite: String? = nil
    var prompt_id: String? = nil
    var repeat_index: Int? = nil
}

struct SeatRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "seat"
    var battle_id: String
    var seat_index: Int
    var model_name: String
    var provider: String
    var model_id: String
    var base_url: String
}

struct TurnRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "turn"
    var battle_id: String
    var turn_index: Int
    var prompt: String
    var created_at: Double
}

struct AnswerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answer"
    var battle_id: String
    var turn_index: Int
    var seat_index: Int
    var text: String
    var reasoning: String
    var finish_reason: String
    var error_kind: String?
    var error_message: String?
    var error_status: Int?
    var ttft_ms: Double?
    var duration_ms: Double?
    var input_tokens: Int?
    var output_tokens: Int?
    var reasoning_tokens: Int?
    var tokens_estimated: Bool
    var cost_usd: Double?
}

struct VerdictRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "verdict"
    var battle_id: String
    var turn_index: Int
    var outcome: String
    var winner_seat: Int?
    var rater: String
    var created_at: Double
    var blind: Bool
}
