import ArenaCore
import Testing
@testable import ArenaUI

/// Non-UTF-8 locales: the same screen, drawn in printable ASCII with the same layout.
@Suite struct AsciiFallbackTests {
    @Test func charactersMapToPrintableAscii() {
        let cases: [(Character, Character)] = [
            ("a", "a"), ("╭", "+"), ("━", "-"), ("┃", "|"), ("┊", ":"), ("▌", "#"), ("…", "."),
            ("é", "e"), ("Ö", "O"), ("ñ", "n"), ("漢", "?"), ("🎉", "?"), ("→", ">"), ("—", "-"),
            ("“", "\""), ("×", "x"), ("\u{7}", " "), ("★", "*"), ("é", "e"),
        ]
        for (input, expected) in cases {
            #expect(AsciiFallback.character(for: input) == expected, "\(input)")
        }
    }

    @Test func detectsTheCharsetFromTheLocaleAndTheOverride() {
        #expect(TerminalCharset.detect(codeset: "UTF-8", environment: [:]) == .unicode)
        #expect(TerminalCharset.detect(codeset: "utf8", environment: [:]) == .unicode)
        #expect(TerminalCharset.detect(codeset: "ANSI_X3.4-1968", environment: [:]) == .ascii)
        #expect(TerminalCharset.detect(codeset: "ISO-8859-1", environment: [:]) == .ascii)
        #expect(TerminalCharset.detect(codeset: "UTF-8", environment: ["ARENA_ASCII": "1"]) == .ascii)
        #expect(TerminalCharset.detect(codeset: "ANSI_X3.4-1968", environment: ["ARENA_ASCII": "0"]) == .unicode)
    }

    /// The whole screen through `AsciiTerminal`: every cell ASCII, borders as `+-|`, and wide
    /// characters still take two columns so the panes line up.
    @Test func wholeScreenIsAsciiWithTheSameLayout() {
        var screen = ScreenHarness(width: 60, height: 10)
        screen.type("Compare 漢字\r")
        screen.stream(seat: 0, .text("# Hi\nThis is **bold** — café"))
        screen.stream(seat: 1, .text("短い答え🎉 done"))
        let frame = ScreenRenderer.render(&screen.state)
        let memory = InMemoryTerminal(width: 60, height: 10)
        let ascii = AsciiTerminal(wrapping: memory)
        ascii.apply(frame.grid.changes(since: nil))
        ascii.flush(cursor: frame.cursor)
        let lines = memory.lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        #expect(lines.allSatisfy { $0.allSatisfy { $0.isASCII } })
        expectPicture(lines, [
            "+ A - streaming -------------++ B - streaming -------------+",
            "|> Compare ????              ||> Compare ????              |",
            "|Hi                          ||?????????? done#            |",
            "|This is bold - cafe#        ||                            |",
            "|                            ||                            |",
            "|                            ||                            |",
            "+----------------------------++----------------------------+",
            " Streaming  Esc cancel  Tab focus  z zoom",
            "> answers are streaming.",
            " arena | /data/arena.sqlite | 3 verdicts | theme plain",
        ])
    }
}
