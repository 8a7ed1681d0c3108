/// Gathers JSON that a server wrote into an SSE stream *without* SSE framing, so format decoders
/// can still read it. Internal to `SSEDecoder`.
///
/// Seen in the wild: Gemini writes a raw `{"error":{…}}` (possibly pretty-printed over several
/// lines) after its last `data:` event; llama-server builds before PR 16109 wrote `error: {…}`.
/// A spec parser drops both silently.
///
/// ```swift
/// var collector = UnframedJSONCollector()
/// if let json = collector.append("{\"error\":{\"code\":503}}") { … }   // complete on one line
/// ```
///
/// Traps:
/// - Completion is decided by bracket depth outside strings, so `{` inside a JSON string is fine;
///   text after the closing bracket on the same line is dropped.
/// - Collection that never balances is handed out by `flush()` as is; callers must treat the text
///   as possibly invalid JSON.
/// - Holds at most `limit` UTF-8 bytes; past that the text is flushed early.
struct UnframedJSONCollector: Sendable, Equatable {
    let limit: Int
    private var text = ""
    private var byteCount = 0
    private var depth = 0
    private var inString = false
    private var escaped = false

    init(limit: Int) { self.limit = limit }

    var isCollecting: Bool { !text.isEmpty }

    /// Whether `line` should start a collection: it opens with `{` or `[` after optional blanks.
    static func startsJSON(_ line: Substring) -> Bool {
        guard let first = line.first(where: { $0 != " " && $0 != "\t" }) else { return false }
        return first == "{" || first == "["
    }

    /// Adds one line (no terminator). Returns the collected JSON once its brackets balance.
    mutating func append(_ line: Substring) -> String? {
        if isCollecting { text += "\n"; byteCount += 1 }
        var kept = line.startIndex
        var closed = false
        for index in line.unicodeScalars.indices {
            let scalar = line.unicodeScalars[index]
            kept = line.unicodeScalars.index(after: index)
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth <= 0 { closed = true }
            default: break
            }
            if closed { break }
        }
        let piece = closed ? line[line.startIndex..<kept] : line
        text += piece
        byteCount += piece.utf8.count
        if closed || byteCount > limit { return flush() }
        return nil
    }

    /// Hands out whatever was collected (possibly unbalanced) and resets.
    mutating func flush() -> String? {
        guard isCollecting else { return nil }
        defer { self = UnframedJSONCollector(limit: limit) }
        return text
    }
}
