import Foundation

/// Writes export rows as JSON Lines or CSV (RFC 4180; conversations as JSON text in their cells),
/// or whole battles as arena's native JSON Lines (`BattleLine`).
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv
    /// One battle per line (`BattleLine`): every seat, turn, answer, metric and verdict.
    case arenaJSONL = "arena-jsonl"

    /// The text for one stored battle and how many rows (pairs, or battles) it holds. Pairwise
    /// formats write the pairs each voted turn yields (`BattleExporter`); `arena-jsonl` writes
    /// every battle, voted or not (`includeUnvoted` does not apply).
    public func text(for stored: StoredBattle, includeUnvoted: Bool, redactPrompts: Bool) throws -> (text: String, rows: Int) {
        if self == .arenaJSONL { return (try BattleLine(stored, redactPrompts: redactPrompts).json() + "\n", 1) }
        let rows = BattleExporter.rows(for: stored, includeUnvoted: includeUnvoted, redactPrompts: redactPrompts)
        return (try rows.map(line).joined(), rows.count)
    }

    /// The CSV header names, in order (from `ExportRow.csvColumns`).
    public static let csvColumns = ExportRow.csvColumns.map(\.name)

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
            return try ExportRow.csvColumns.map { try $0.cell(row, encoder) }.joined(separator: ",") + "\r\n"
        case .arenaJSONL:
            throw EncodingError.invalidValue(row, .init(codingPath: [], debugDescription: "arena-jsonl writes battles (text(for:)), not pairwise rows"))
        }
    }
}
