import ArenaCore
@testable import ArenaProviders
import Testing

/// The byte shortcut of `trimmingWhitespace` against trimming by Characters, over seeded random
/// strings of ASCII, every Unicode whitespace, combining marks, prepend and joining characters.
@Suite struct TrimmingWhitespaceTests {
    static let pieces = ["{", "}", "a", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}",
                         "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
                         "\u{301}", "\u{600}", "\u{200D}", "\u{FE0F}", "é", "漢", "👍🏽", "\u{1F1FA}\u{1F1F8}", "\"", "0"]

    @Test func theShortcutTrimsExactlyAsCharactersDo() {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 7)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            #expect(text.trimmingWhitespace == text.trimmingWhitespaceByCharacters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(#"  {"a":1}"#.trimmingWhitespace == #"{"a":1}"#)
        #expect("\u{600}}".trimmingWhitespace == "\u{600}}")
    }
}
