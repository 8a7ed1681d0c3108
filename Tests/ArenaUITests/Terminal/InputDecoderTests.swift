import Testing
@testable import ArenaUI

@Suite struct InputDecoderTests {
    func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decoder.feed(text.unicodeScalars.map { .scalar($0) })
    }

    @Test func controlCodes() {
        #expect(decode("\r\t\u{7F}\u{03}\n") == [
            .key(KeyPress(.enter)), .key(KeyPress(.tab)), .key(KeyPress(.backspace)),
            .key(.ctrl("c")), .key(.ctrl("j")),
        ])
    }

    @Test func escPrefixIsAlt() {
        #expect(decode("\u{1B}\r") == [.key(KeyPress(.enter, alt: true))])
        #expect(decode("\u{1B}x") == [.key(KeyPress(.character("x"), alt: true))])
    }

    @Test func loneEscAtTheEndOfABatchIsTheEscKey() {
        #expect(decode("a\u{1B}") == [.key(.char("a")), .key(KeyPress(.escape))])
    }

    @Test func bracketedPasteKeepsNewlinesAndSpansBatches() {
        var decoder = InputDecoder()
        let first = decoder.feed("\u{1B}[200~line one\rline".unicodeScalars.map { .scalar($0) })
        #expect(first.isEmpty)
        let second = decoder.feed(" two\u{1B}[201~x".unicodeScalars.map { .scalar($0) })
        #expect(second == [.paste("line one\nline two"), .key(.char("x"))])
    }

    @Test func unknownEscapeSequencesAreDropped() {
        #expect(decode("\u{1B}[99;5Xa") == [.key(.char("a"))])
    }

    @Test func deviceKeysMousePassThrough() {
        var decoder = InputDecoder()
        #expect(decoder.feed([.key(.pageUp), .mouse(.press(x: 1, y: 2)), .resize(width: 3, height: 4)]) == [
            .key(KeyPress(.pageUp)), .mouse(.press(x: 1, y: 2)), .resize(width: 3, height: 4),
        ])
    }
}
