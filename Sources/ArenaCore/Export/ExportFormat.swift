import Foundation

/// Writes export rows as JSON Lines or CSV (RFC 4180; conversations as JSON text in their cells).
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv

    public static let csvColumns = [
        "question_id", "model_a", "model_b", "winner", "judge", "turn", "anony", "language", "tstamp",
        "conversation_a", "conversation_b", "battle_id", "turn_index", "mode", "system_prompt", "seat_a", "seat_b",
        "seat_count", "verdict", "leaked", "leaked_words", "finish_reason_a", "finish_reason_b", "error_a", "error_b",
        "ttft_ms_a", "ttft_ms_b", "duration_ms_a", "duration_ms_b", "input_tokens_a", "input_tokens_b",
        "output_tokens_a", "output_tokens_b", "tokens_estimated_a", "tokens_estimated_b", "cost_usd_a", "cost_usd_b",
    ]

    /// The header line, if the format has one.
    public var header: String? {
        self == .csv ? Self.csvColumns.joined(separator: ",") + "\r\n" : nil
    }

    public func line(_ row: ExportRow) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .jsonl:
            return String(decoding: try encoder.encode(row), as: UTF8.self) + "\n"
        case .csv:
            var cells: [String: String] = [:]
            for child in Mirror(reflecting: row).children {
                guard let label = child.label else { continue }
                cells[label] = try Self.cell(child.value, encoder: encoder)
            }
            return Self.csvColumns.map { cells[$0] ?? "" }.joined(separator: ",") + "\r\n"
        }
    }

    private static func cell(_ value: Any, encoder: JSONEncoder) throws -> String {
        switch value {
        case let optional as OptionalCell: return try optional.unwrapped.map { try cell($0, encoder: encoder) } ?? ""
        case let text as String: return quote(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        case let words as [String]: return quote(words.joined(separator: ","))
        case let messages as [ExportRow.Message]: return quote(String(decoding: try encoder.encode(messages), as: UTF8.self))
        default: return quote("\(value)")
        }
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Lets the CSV writer see through optionals of any wrapped type.
private protocol OptionalCell { var unwrapped: Any? { get } }
extension Optional: OptionalCell {
    var unwrapped: Any? { map { $0 } }
}
