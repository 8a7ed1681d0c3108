import Foundation

/// Finds answers that name a vendor or model family, which would unblind the battle.
///
/// Matching is case-insensitive on whole words (so "metadata" does not match "meta").
/// LMArena drops such battles from its ratings; arena stores the verdict but flags the battle,
/// and rankings leave it out unless asked to include it.
public enum IdentityLeakDetector {
    public static let identityWords: [String] = [
        "openai", "gpt", "chatgpt", "claude", "anthropic", "llama", "meta", "gemini", "bard", "google",
        "mistral", "mixtral", "qwen", "deepseek", "microsoft", "cohere", "command-r", "grok", "xai",
        "smollm", "huggingface", "hugging face", "gemma", "falcon", "vicuna", "alpaca", "olmo",
    ]

    /// The identity words found in `text`, in list order, without repeats.
    ///
    /// One linear pass (`IdentityLeakScanner`); text with letters beyond ASCII goes through
    /// `referenceMatches(in:)`, the definition. To scan an answer as it streams, feed a scanner.
    public static func matches(in text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var scanner = IdentityLeakScanner()
        scanner.feed(text)
        return scanner.finish(text: text)
    }

    /// The definition of a match, and the scan for text that is not ASCII and inert symbols:
    /// Unicode lowercasing, then Foundation's search per word with the boundary rules below.
    /// Quadratic-ish (one search per word over the whole text) — use `matches(in:)`.
    static func referenceMatches(in text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        let lowered = text.lowercased()
        return identityWords.filter { word in
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.range(of: word, range: searchRange) {
                if isBoundary(lowered, before: found.lowerBound) && isBoundary(lowered, after: found.upperBound) {
                    return true
                }
                searchRange = found.upperBound..<lowered.endIndex
            }
            return false
        }
    }

    private static func isBoundary(_ text: String, before index: String.Index) -> Bool {
        guard index > text.startIndex else { return true }
        return !isWordCharacter(text[text.index(before: index)])
    }

    private static func isBoundary(_ text: String, after index: String.Index) -> Bool {
        guard index < text.endIndex else { return true }
        let next = text[index]
        // "gpt-4", "llama3", "qwen2.5" still name the family: digits and dashes after a word count as a boundary.
        return !next.isLetter
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
