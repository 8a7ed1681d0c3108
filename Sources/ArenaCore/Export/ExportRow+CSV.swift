import Foundation

/// The CSV columns of an export, in order: each a header name and how to write its cell.
///
/// An explicit list, not reflection: renaming a property of `ExportRow` breaks the build here
/// instead of silently emptying a column. Cells: text quoted with `CSV.quote`, `nil` empty,
/// booleans `true`/`false`, conversations as JSON text, `leaked_words` joined with commas.
extension ExportRow {
    /// One CSV column: its header name and its cell for a row.
    public struct CSVColumn: Sendable {
        public let name: String
        let cell: @Sendable (ExportRow, JSONEncoder) throws -> String

        init(_ name: String, _ cell: @escaping @Sendable (ExportRow, JSONEncoder) throws -> String) {
            self.name = name
            self.cell = cell
        }

        static func text(_ name: String, _ value: @escaping @Sendable (ExportRow) -> String?) -> CSVColumn {
            CSVColumn(name) { row, _ in value(row).map(CSV.quote) ?? "" }
        }
        static func int(_ name: String, _ value: @escaping @Sendable (ExportRow) -> Int?) -> CSVColumn {
            CSVColumn(name) { row, _ in value(row).map { String($0) } ?? "" }
        }
        static func double(_ name: String, _ value: @escaping @Sendable (ExportRow) -> Double?) -> CSVColumn {
            CSVColumn(name) { row, _ in value(row).map { String($0) } ?? "" }
        }
        static func flag(_ name: String, _ value: @escaping @Sendable (ExportRow) -> Bool) -> CSVColumn {
            CSVColumn(name) { row, _ in value(row) ? "true" : "false" }
        }
        static func messages(_ name: String, _ value: @escaping @Sendable (ExportRow) -> [Message]) -> CSVColumn {
            CSVColumn(name) { row, encoder in CSV.quote(String(decoding: try encoder.encode(value(row)), as: UTF8.self)) }
        }
    }

    /// Every CSV column, in the documented order.
    public static let csvColumns: [CSVColumn] = [
        .text("question_id") { $0.question_id }, .text("model_a") { $0.model_a }, .text("model_b") { $0.model_b },
        .text("winner") { $0.winner }, .text("judge") { $0.judge }, .int("turn") { $0.turn },
        .flag("anony") { $0.anony }, .text("language") { $0.language }, .double("tstamp") { $0.tstamp },
        .messages("conversation_a") { $0.conversation_a }, .messages("conversation_b") { $0.conversation_b },
        .text("battle_id") { $0.battle_id }, .int("turn_index") { $0.turn_index }, .text("mode") { $0.mode },
        .text("system_prompt") { $0.system_prompt }, .text("seat_a") { $0.seat_a }, .text("seat_b") { $0.seat_b },
        .int("seat_count") { $0.seat_count }, .text("verdict") { $0.verdict }, .flag("leaked") { $0.leaked },
        .text("leaked_words") { $0.leaked_words.joined(separator: ",") },
        .text("finish_reason_a") { $0.finish_reason_a }, .text("finish_reason_b") { $0.finish_reason_b },
        .text("error_a") { $0.error_a }, .text("error_b") { $0.error_b },
        .double("ttft_ms_a") { $0.ttft_ms_a }, .double("ttft_ms_b") { $0.ttft_ms_b },
        .double("duration_ms_a") { $0.duration_ms_a }, .double("duration_ms_b") { $0.duration_ms_b },
        .int("input_tokens_a") { $0.input_tokens_a }, .int("input_tokens_b") { $0.input_tokens_b },
        .int("output_tokens_a") { $0.output_tokens_a }, .int("output_tokens_b") { $0.output_tokens_b },
        .flag("tokens_estimated_a") { $0.tokens_estimated_a }, .flag("tokens_estimated_b") { $0.tokens_estimated_b },
        .double("cost_usd_a") { $0.cost_usd_a }, .double("cost_usd_b") { $0.cost_usd_b },
        .text("resolved_model_a") { $0.resolved_model_a }, .text("resolved_model_b") { $0.resolved_model_b },
        .text("fingerprint_a") { $0.fingerprint_a }, .text("fingerprint_b") { $0.fingerprint_b },
    ]
}
