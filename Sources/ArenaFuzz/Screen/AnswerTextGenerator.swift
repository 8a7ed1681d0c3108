import ArenaCore

/// Seeded model answers of the kinds that broke the screen before: multi-line Markdown, numbered
/// and bulleted lists, fenced code, quotes, headings, CJK, emoji, long lines and blank lines.
/// No tabs or control characters (the styler drops those, which would blur what the oracle checks)
/// and never `▌` (the streaming cursor).
///
/// ```swift
/// var generator = AnswerTextGenerator(seed: 1)
/// generator.answer(seatTag: "A")   // "1. Apples ka-A\n2. 漢字 …"
/// ```
public struct AnswerTextGenerator {
    private var random: SeededGenerator

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let words = ["apples", "banana", "figs", "lemons", "almond", "butter", "grapefruit", "berries", "caramel",
                        "cakes", "the", "a", "model", "answer", "streams", "into", "its", "own", "pane", "and", "never",
                        "another", "one's", "snake_case", "x=1", "naïve", "café", "über", "漢字", "かな", "日本語の",
                        "テキスト", "中文", "한국어", "🎉", "👍", "✓", "→", "(parenthesis)", "3.14", "—", "…"]

    /// A whole answer, tagged so two seats' answers differ even when their shapes match.
    public mutating func answer(seatTag: String, lines: ClosedRange<Int> = 1...14) -> String {
        let count = Int.random(in: lines, using: &random)
        var out: [String] = []
        var inCode = false
        for index in 0..<count {
            if inCode {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    out.append("```")
                    inCode = false
                } else {
                    out.append(codeLine())
                }
                continue
            }
            switch Int.random(in: 0..<14, using: &random) {
            case 0: out.append("\(index + 1). " + sentence(2...5) + " " + seatTag)
            case 1: out.append("- " + sentence(1...6))
            case 2: out.append("  * " + sentence(1...4) + " **" + seatTag + "**")
            case 3: out.append("# " + sentence(1...4))
            case 4: out.append("```" + (Bool.random(using: &random) ? "swift" : ""))
                inCode = true
            case 5: out.append("> " + sentence(3...12))
            case 6: out.append("")
            case 7: out.append(sentence(40...90))   // a long line that wraps many times
            case 8: out.append(String(repeating: "長", count: Int.random(in: 10...70, using: &random)))
            case 9: out.append("Use `" + word() + "` and *" + word() + "* then **" + word() + "**")
            case 10: out.append("---")
            case 11: out.append(String(repeating: "x", count: Int.random(in: 30...200, using: &random)))   // one long word
            default: out.append(sentence(3...14) + " " + seatTag)
            }
        }
        if inCode, Bool.random(using: &random) { out.append("```") }
        var text = out.joined(separator: "\n")
        if Bool.random(using: &random) { text += "\n" }
        return text
    }

    /// Reasoning: plain sentences over a few lines.
    public mutating func reasoning(seatTag: String) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in "thinking " + seatTag + ": " + sentence(3...20) }
            .joined(separator: "\n")
    }

    /// A prompt, sometimes over several lines.
    public mutating func prompt() -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in sentence(1...18) }.joined(separator: "\n")
    }

    /// `text` cut into stream chunks of 1–40 characters (chunks may split lines and Markdown markers).
    public mutating func chunks(_ text: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let take = Int.random(in: 1...40, using: &random)
            pieces.append(String(rest.prefix(take)))
            rest = rest.dropFirst(take)
        }
        return pieces
    }

    mutating func word() -> String { Self.words[Int.random(in: 0..<Self.words.count, using: &random)] }

    mutating func sentence(_ range: ClosedRange<Int>) -> String {
        (0..<Int.random(in: range, using: &random)).map { _ in word() }.joined(separator: " ")
    }

    mutating func codeLine() -> String {
        let indent = String(repeating: " ", count: Int.random(in: 0...8, using: &random))
        return indent + "let " + word() + " = \"" + sentence(0...8) + "\""
    }
}
