/// Makes a server's own words fit one line of a seat: whitespace runs (newlines too) become one
/// space, key-like tokens are masked, and the text is cut to `limit` characters.
///
/// ```swift
/// ServerMessage.oneLine("Incorrect API key provided: sk-abc***xyz.\n\nSee docs")
/// // "Incorrect API key provided: [redacted]. See docs"
/// ```
///
/// Traps: masking is by prefix (`sk-`, `sk_`, `AIza`, `gsk_`, `xai-`, `hf_`, `nvapi-`, `pplx-`),
/// so it catches the usual keys and the masked echoes servers print, not arbitrary secrets.
/// The cut appends `…` and is by `Character`, never inside a grapheme.
enum ServerMessage {
    static let defaultLimit = 300

    private static let keyPrefixes = ["sk-", "sk_", "AIza", "gsk_", "xai-", "hf_", "nvapi-", "pplx-"]

    static func oneLine(_ text: String, limit: Int = defaultLimit) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let masked = words.map { word -> Substring in
            let start = word.firstIndex(where: { $0.isLetter || $0.isNumber }) ?? word.startIndex
            let core = word[start...]
            guard keyPrefixes.contains(where: { core.hasPrefix($0) }), core.count >= 8 else { return word }
            let end = core.lastIndex(where: { $0.isLetter || $0.isNumber || $0 == "*" })
                .map { core.index(after: $0) } ?? core.endIndex
            return word[..<start] + "[redacted]" + word[end...]
        }
        let joined = masked.joined(separator: " ")
        guard joined.count > limit else { return joined }
        return String(joined.prefix(max(0, limit - 1))) + "…"
    }
}
