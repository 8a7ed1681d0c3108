import Foundation

/// The one place wire JSON is decoded. Internal.
///
/// ```swift
/// let chunk = try WireJSON.decode(OpenAIChatChunk.self, from: event.data)
/// ```
///
/// Trap: returns the decoding error for the caller to word; never logs.
enum WireJSON {
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}

extension String {
    /// The string without leading and trailing whitespace (no copy when there is none).
    var trimmingWhitespace: String {
        // The usual payload starts with `{` and ends with `}`: decided from two bytes, without
        // forming Characters (grapheme breaking and property lookups were 2% of streaming CPU).
        // An ASCII byte other than space and \t…\r at either end means no whitespace there: no
        // Unicode whitespace is ASCII beyond those, and no whitespace joins a cluster ending in it.
        if let head = utf8.first, let tail = utf8.last, Self.isASCIIContent(head), Self.isASCIIContent(tail) { return self }
        if let first, let last, !first.isWhitespace, !last.isWhitespace { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }

    private static func isASCIIContent(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }

    /// `trimmingWhitespace` without the byte shortcut: the oracle its tests compare with.
    var trimmingWhitespaceByCharacters: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
