import Foundation

/// One exported comparison in LMArena's battle schema plus arena's own fields.
///
/// LMArena fields: `question_id`, `model_a`, `model_b`, `winner` (`model_a`, `model_b`, `tie`,
/// `tie (bothbad)`), `judge`, `turn`, `anony`, `language`, `tstamp`, `conversation_a`,
/// `conversation_b`. Arena's: the battle id and turn, seat labels, the verdict as voted, the
/// leak flag, and per side the finish reason, error and metrics.
public struct ExportRow: Sendable, Equatable, Codable {
    public struct Message: Sendable, Equatable, Codable {
        public var role: String
        public var content: String
    }

    public var question_id: String
    public var model_a: String
    public var model_b: String
    /// Nil only for turns without a verdict (exported with `--all`).
    public var winner: String?
    public var judge: String?
    public var turn: Int
    public var anony: Bool
    public var language: String?
    public var tstamp: Double
    public var conversation_a: [Message]
    public var conversation_b: [Message]

    public var battle_id: String
    public var turn_index: Int
    public var mode: String
    public var system_prompt: String?
    public var seat_a: String
    public var seat_b: String
    public var seat_count: Int
    public var verdict: String?
    public var leaked: Bool
    public var leaked_words: [String]
    public var finish_reason_a: String
    public var finish_reason_b: String
    public var error_a: String?
    public var error_b: String?
    public var ttft_ms_a: Double?
    public var ttft_ms_b: Double?
    public var duration_ms_a: Double?
    public var duration_ms_b: Double?
    public var input_tokens_a: Int?
    public var input_tokens_b: Int?
    public var output_tokens_a: Int?
    public var output_tokens_b: Int?
    public var tokens_estimated_a: Bool
    public var tokens_estimated_b: Bool
    public var cost_usd_a: Double?
    public var cost_usd_b: Double?
    /// The model each server said answered, and its fingerprint (absent when it said nothing).
    public var resolved_model_a: String? = nil
    public var resolved_model_b: String? = nil
    public var fingerprint_a: String? = nil
    public var fingerprint_b: String? = nil
}
