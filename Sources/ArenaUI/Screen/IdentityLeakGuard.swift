import ArenaCore

/// The screen's view of identity leaks: which vendor or model-family words an answer contains (a
/// battle whose answers name one is no longer blind), and redaction of such words in error
/// messages shown before the vote.
///
/// ```swift
/// IdentityLeakGuard.default.identityWords(in: "As ChatGPT, I …")   // ["chatgpt"]
/// IdentityLeakGuard.default.identityWords(in: "metadata")          // []
/// ```
///
/// The default delegates to ArenaCore's `IdentityLeakDetector` (one word list for the screen, the
/// store and the rankings). Trap: common English words on the list (`meta`, `llama`, `falcon`)
/// flag innocent answers too; that errs on the side of blindness, as LMArena does.
public struct IdentityLeakGuard: Sendable {
    /// Words (or phrases) matched case-insensitively as whole words.
    public var words: [String]
    private let matcher: @Sendable (String) -> [String]

    /// A guard over a custom list; `GPT-4o` and `llama3` still match `gpt` and `llama`.
    public init(words: [String]) {
        let lowered = words.map { $0.lowercased() }
        self.words = lowered
        self.matcher = { text in Self.wholeWordMatches(lowered, in: text) }
    }

    private init(words: [String], matcher: @escaping @Sendable (String) -> [String]) {
        self.words = words
        self.matcher = matcher
    }

    public static let `default` = IdentityLeakGuard(words: IdentityLeakDetector.identityWords,
                                                    matcher: { IdentityLeakDetector.matches(in: $0) })

    /// The identity words in `text`, lowercased, each once.
    public func identityWords(in text: String) -> [String] { matcher(text) }

    /// `text` with identity words and the given model names replaced by `•••` (for error messages
    /// shown before the vote, which may quote a model id or a vendor's host name).
    public func redacted(_ text: String, hiding names: [String]) -> String {
        var result = text
        for name in names where name.count >= 2 {
            result = result.replacingAll(name, with: "•••")
        }
        for phrase in words where phrase.contains(where: { !$0.isLetter }) {
            result = result.replacingAll(phrase, with: "•••")
        }
        let single = Set(words.filter { $0.allSatisfy(\.isLetter) })
        var output = ""
        var word = ""
        func flush() {
            output += single.contains(word.lowercased()) ? "•••" : word
            word = ""
        }
        for character in result {
            if character.isLetter {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }

    static func wholeWordMatches(_ words: [String], in text: String) -> [String] {
        let lowered = text.lowercased()
        return words.filter { word in
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.range(of: word, range: searchRange) {
                let before = found.lowerBound == lowered.startIndex
                    || !isWordCharacter(lowered[lowered.index(before: found.lowerBound)])
                let after = found.upperBound == lowered.endIndex || !lowered[found.upperBound].isLetter
                if before && after { return true }
                searchRange = found.upperBound..<lowered.endIndex
            }
            return false
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}

extension String {
    /// Every case-insensitive occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let lowerTarget = target.lowercased()
        guard !lowerTarget.isEmpty, lowercased().contains(lowerTarget) else { return self }
        var result = ""
        var rest = self[...]
        while !rest.isEmpty {
            if rest.lowercased().hasPrefix(lowerTarget) {
                result += replacement
                rest = rest.dropFirst(target.count)
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result
    }
}
