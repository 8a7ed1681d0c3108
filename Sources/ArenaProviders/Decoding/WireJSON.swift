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
        if let first, let last, !first.isWhitespace, !last.isWhitespace { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
