@testable import ArenaCore
import ArenaTestTraits
import Foundation
import Testing

/// The linear, incremental scanner against the reference implementation (the definition):
/// seeded random texts full of identity words in every case and position, fed whole and in
/// random pieces.
@Suite("IdentityLeakScanner", .ownThread)
struct IdentityLeakScannerTests {
    static let fragments: [String] = [
        " ", "  ", "-", "_", ".", ",", "'", "\n", "\r\n", "\r", "\t", "(", ")", "/", "4", "3.5", "x", "ab", "Z",
        "meta", "data", "gem", "stone", "hugging", "face", "command", "r", "alp", "aca", "ol", "mo",
        "“", "”", "—", "–", "…", "•", "→", "😀", "🦙", "©", "\u{00A0}", "±", "€",
        // Inert letters: letters that match no word.
        "日本", "Σ", "Привет", "ひらがな", "カタカナー", "한국", "ά", "。", "（",
        // Not inert: these make the scanner defer to the reference scan.
        "é", "e\u{301}", "\u{301}", "İ", "\u{212A}", "ß", "\u{200D}", "\u{FE0F}", "🏻", "ª", "²", "\u{3099}", "\u{0483}",
    ]
    static let inertCount = 53

    static func randomText(_ g: inout SeededGenerator, inert: Bool) -> String {
        let words = IdentityLeakDetector.identityWords
        var text = ""
        for _ in 0..<Int.random(in: 0...24, using: &g) {
            if Int.random(in: 0..<3, using: &g) == 0 {
                var word = words[Int.random(in: 0..<words.count, using: &g)]
                switch Int.random(in: 0..<4, using: &g) {
                case 0: word = word.uppercased()
                case 1: word = word.prefix(1).uppercased() + word.dropFirst()
                case 2: word = String(word.map { Bool.random(using: &g) ? Character($0.uppercased()) : $0 })
                default: break
                }
                text += word
            } else {
                let pool = inert ? Array(fragments.prefix(Self.inertCount)) : fragments
                text += pool[Int.random(in: 0..<pool.count, using: &g)]
            }
        }
        return text
    }

    /// `text` cut into random pieces on character boundaries (what a stream delivers).
    static func pieces(_ text: String, _ g: inout SeededGenerator) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + Int.random(in: 1...6, using: &g))
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            result.append(String(piece))
            start = end
        }
        return result
    }

    @Test("seeded random texts, whole and in random pieces, match the reference scan")
    func oracle() {
        var g = SeededGenerator(seed: 0x1616)
        var fastPath = 0
        for round in 0..<6000 {
            let text = Self.randomText(&g, inert: round % 2 == 0)
            let expected = IdentityLeakDetector.referenceMatches(in: text)
            #expect(IdentityLeakDetector.matches(in: text) == expected, "\(text.debugDescription)")
            var scanner = IdentityLeakScanner()
            for piece in Self.pieces(text, &g) { scanner.feed(piece) }
            #expect(scanner.finish(text: text) == expected, "pieces of \(text.debugDescription)")
            if !scanner.needsReferenceScan { fastPath += 1 }
        }
        #expect(fastPath >= 3000)  // every inert text, and then some, took the linear path
    }

    @Test("the detector's examples")
    func examples() {
        #expect(IdentityLeakDetector.matches(in: "As an AI developed by OpenAI, I…") == ["openai"])
        #expect(IdentityLeakDetector.matches(in: "I am Claude.") == ["claude"])
        #expect(IdentityLeakDetector.matches(in: "Try GPT-4 or llama3") == ["gpt", "llama"])
        #expect(IdentityLeakDetector.matches(in: "The metadata of a gemstone").isEmpty)
        // Overlaps fail their boundary; `_` before a word blocks it, after it does not.
        #expect(IdentityLeakDetector.matches(in: "“Hugging Face” — alpacalpaca _gpt 4gpt") == ["hugging face"])
        #expect(IdentityLeakDetector.matches(in: "gpt_") == ["gpt"])
    }

    /// Every scalar `isInert` admits behaves as ASCII punctuation does for the reference scan.
    @Test("inert scalars: no letter, number, case, decomposition or cluster joining")
    func inertTable() {
        var checked = 0
        for value in UInt32(0x80)...0x1FFFF {
            guard IdentityLeakScanner.isInert(value), let scalar = Unicode.Scalar(value) else { continue }
            checked += 1
            let single = String(scalar)
            let properties = scalar.properties
            #expect(!properties.isAlphabetic && properties.numericType == nil, "U+\(String(value, radix: 16))")
            #expect(single.lowercased() == single, "U+\(String(value, radix: 16))")
            #expect(!single.decomposedStringWithCanonicalMapping.unicodeScalars.contains { $0.isASCII },
                    "U+\(String(value, radix: 16))")
            #expect(("a" + single + "a").count == 3 && (single + single).count == 2, "U+\(String(value, radix: 16))")
            #expect(("\r" + single).count == 2 && (single + "\n").count == 2, "U+\(String(value, radix: 16))")
        }
        #expect(checked > 1000)
    }

    /// Every scalar `isInertLetter` admits is a letter that cannot touch an ASCII word: the same
    /// property checks, and the scan around it (before, after, inside a word) equals the reference.
    @Test("inert letters: letters with no ASCII case, decomposition or cluster joining")
    func inertLetterTable() {
        var checked = 0
        for value in UInt32(0x80)...0x1FFFF {
            guard IdentityLeakScanner.isInertLetter(value), let scalar = Unicode.Scalar(value) else { continue }
            checked += 1
            let single = String(scalar), name = "U+\(String(value, radix: 16))"
            #expect(Character(single).isLetter, "\(name)")
            #expect(!single.lowercased().unicodeScalars.contains { $0.isASCII }, "\(name)")
            #expect(!single.decomposedStringWithCanonicalMapping.unicodeScalars.contains { $0.isASCII }, "\(name)")
            #expect(("a" + single + "a").count == 3 && ("\r" + single).count == 2 && (single + "\n").count == 2, "\(name)")
            // The reference scan is slow: every scalar of the small scripts, every 13th ideograph.
            guard value < 0x3400 || value % 13 == 0 else { continue }
            for text in ["\(single)gpt", "gpt\(single)", "\(single) GPT-4 \(single)", "gp\(single)t", "meta\(single)llama",
                         "\(single)\(single)claude", "claude \(single)"] {
                #expect(IdentityLeakDetector.matches(in: text) == IdentityLeakDetector.referenceMatches(in: text),
                        "\(name) in \(text.debugDescription)")
            }
        }
        #expect(checked > 39_000)
        var scanner = IdentityLeakScanner()
        scanner.feed("漢字で答えます。Я — GPT-4 и Claude, 한국어")
        #expect(!scanner.needsReferenceScan)      // CJK, Cyrillic and Hangul take the linear path
        #expect(scanner.finish(text: "漢字で答えます。Я — GPT-4 и Claude, 한국어") == ["gpt", "claude"])
    }
}
