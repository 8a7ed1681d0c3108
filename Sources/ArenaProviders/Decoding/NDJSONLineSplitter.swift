/// Newline-delimited JSON (Ollama's `application/x-ndjson`) from raw bytes: complete lines only.
///
/// A pure value type.
///
/// ```swift
/// var splitter = NDJSONLineSplitter()
/// for line in splitter.feed(bytes) where !line.isEmpty { decode(line) }
/// if let last = splitter.finish() { decode(last) }
/// ```
///
/// Traps:
/// - Lines end at LF or CRLF (a CRLF may be split across feeds); a lone CR stays in the line.
/// - Lines are decoded as UTF-8 only once complete; invalid bytes become U+FFFD.
/// - Blank lines are returned too (as `""`); skip them.
/// - A line longer than `maxLineLength` bytes stops the splitter: `exceededLineLimit` becomes true
///   and all later input is ignored.
public struct NDJSONLineSplitter: Sendable, Equatable {
    /// 8 MiB, as for `SSEDecoder`.
    public static let defaultMaxLineLength = SSEDecoder.defaultMaxLineLength

    private var lines: ByteLineSplitter

    public init(maxLineLength: Int = NDJSONLineSplitter.defaultMaxLineLength) {
        lines = ByteLineSplitter(endings: .lineFeed, maxLineLength: maxLineLength)
    }

    public var maxLineLength: Int { lines.maxLineLength }

    /// Whether a line exceeded `maxLineLength`; once true all input is ignored.
    public var exceededLineLimit: Bool { lines.exceededLimit }

    /// Consumes `bytes`; returns the lines they complete, terminators removed.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [String] {
        var result: [String] = []
        lines.feed(bytes, line: { result.append(String(decoding: $0, as: UTF8.self)) }, overflow: {})
        return result
    }

    /// Ends the input; returns the last line if it had no terminator.
    public mutating func finish() -> String? {
        var result: String?
        lines.finish { result = String(decoding: $0, as: UTF8.self) }
        return result
    }
}
