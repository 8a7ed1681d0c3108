import Foundation

/// CSV (RFC 4180) helpers shared by every CSV writer in arena: the export and the leaderboard.
///
/// ```swift
/// CSV.quote("a,b")   // "\"a,b\""
/// CSV.quote("plain") // "plain"
/// ```
/// Trap: a cell is quoted only when it needs to be (comma, quote, CR or LF), so existing files
/// stay byte-for-byte the same; do not "simplify" this to always quote.
public enum CSV {
    /// One cell: as is, or in double quotes with inner quotes doubled when it holds `,` `"` CR or LF.
    public static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
