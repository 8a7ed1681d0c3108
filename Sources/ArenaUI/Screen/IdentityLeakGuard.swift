import ArenaCore

/// Redaction of identity words in what the screen shows before the vote — error messages, which
/// may quote a model id or a vendor's host name. Which words an *answer* leaks is ArenaCore's one
/// rule (`BattleTurn.leaks`, `IdentityLeakDetector`), not this type's.
///
/// ```swift
/// IdentityLeakGuard.default.redacted("Mistral overloaded", hiding: [])   // "••• overloaded"
/// ```
///
/// Trap: common English words on the list (`meta`, `llama`, `falcon`) are masked too; that errs
/// on the side of blindness, as LMArena does.
public struct IdentityLeakGuard: Sendable {
    /// Words (or phrases) masked case-insensitively as whole words.
    public var words: [String]

    /// A guard over a custom list.
    public init(words: [String]) {
        self.words = words.map { $0.lowercased() }
    }

    public static let `default` = IdentityLeakGuard(words: IdentityLeakDetector.identityWords)

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
