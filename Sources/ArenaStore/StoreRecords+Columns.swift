import GRDB

/// A table's row as its columns' values, in a fixed order, for the prepared statements that
/// write battles (`BattleInserter`).
///
/// GRDB's `insert(db)` encodes each record through `Codable` into a dictionary and looks up a
/// statement by its SQL: about three quarters of `arena import`'s time went there. These values are
/// bound straight into a statement made once. `StoreRecordColumnsTests` holds them equal to the
/// records' own `Codable` encoding (every column, the same values, over seeded random rows), so
/// the two cannot drift apart.
///
/// Traps: a column added to a row struct must be added here too, in `columns` and `values` at
/// the same place; the test fails until it is.
protocol ColumnRow: StoredRecord {
    static var columns: [String] { get }
    var values: [DatabaseValue] { get }
}

extension ColumnRow {
    /// `INSERT INTO table (columns) VALUES (?, …)`.
    static var insertSQL: String {
        "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }
}

extension BattleRow: ColumnRow {
    static let columns = ["id", "created_at", "mode", "blind", "system_prompt", "seat_count", "suite", "prompt_id", "repeat_index"]
    var values: [DatabaseValue] {
        [id.databaseValue, created_at.databaseValue, mode.databaseValue, blind.databaseValue, system_prompt.databaseValue,
         seat_count.databaseValue, suite.databaseValue, prompt_id.databaseValue, repeat_index.databaseValue]
    }
}

extension LeakRow: ColumnRow {
    static let columns = ["battle_id", "word_index", "word"]
    var values: [DatabaseValue] { [battle_id.databaseValue, word_index.databaseValue, word.databaseValue] }
}

extension SeatRow: ColumnRow {
    static let columns = ["battle_id", "seat_index", "model_name", "provider", "model_id", "base_url"]
    var values: [DatabaseValue] {
        [battle_id.databaseValue, seat_index.databaseValue, model_name.databaseValue, provider.databaseValue,
         model_id.databaseValue, base_url.databaseValue]
    }
}

extension TurnRow: ColumnRow {
    static let columns = ["battle_id", "turn_index", "prompt", "created_at"]
    var values: [DatabaseValue] { [battle_id.databaseValue, turn_index.databaseValue, prompt.databaseValue, created_at.databaseValue] }
}

extension AnswerRow: ColumnRow {
    static let columns = ["battle_id", "turn_index", "seat_index", "text", "reasoning", "finish_reason", "error_kind",
                          "error_message", "error_status", "ttft_ms", "duration_ms", "input_tokens", "output_tokens",
                          "reasoning_tokens", "tokens_estimated", "cost_usd", "served_model", "served_fingerprint"]
    var values: [DatabaseValue] {
        [battle_id.databaseValue, turn_index.databaseValue, seat_index.databaseValue, text.databaseValue,
         reasoning.databaseValue, finish_reason.databaseValue, error_kind.databaseValue, error_message.databaseValue,
         error_status.databaseValue, ttft_ms.databaseValue, duration_ms.databaseValue, input_tokens.databaseValue,
         output_tokens.databaseValue, reasoning_tokens.databaseValue, tokens_estimated.databaseValue,
         cost_usd.databaseValue, served_model.databaseValue, served_fingerprint.databaseValue]
    }
}

extension VerdictRow: ColumnRow {
    static let columns = ["battle_id", "turn_index", "outcome", "winner_seat", "rater", "created_at", "blind", "ranking"]
    var values: [DatabaseValue] {
        [battle_id.databaseValue, turn_index.databaseValue, outcome.databaseValue, winner_seat.databaseValue,
         rater.databaseValue, created_at.databaseValue, blind.databaseValue, ranking.databaseValue]
    }
}
