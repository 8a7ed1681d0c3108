import Foundation

/// Writes export rows as JSON Lines or CSV (RFC 4180; conversations as JSON text in their cells).
public enum ExportFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv

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
        }
    }
}
