import ArenaProviders
import Testing

@Suite("NDJSONLineSplitter")
struct NDJSONLineSplitterTests {
    static func lines(_ chunks: [[UInt8]], maxLineLength: Int = 1 << 20) -> (lines: [String], last: String?) {
        var splitter = NDJSONLineSplitter(maxLineLength: maxLineLength)
        let lines = chunks.flatMap { splitter.feed($0) }
        return (lines, splitter.finish())
    }

    static func lines(_ chunks: String...) -> (lines: [String], last: String?) {
        lines(chunks.map { Array($0.utf8) })
    }

    @Test("LF and CRLF end lines, even split across feeds; blank lines are kept")
    func lineEnds() {
        let result = Self.lines("{\"a\":1}\r", "\n{\"b\":2}\n\n{\"c\"", ":3}\r\n")
        #expect(result.lines == [#"{"a":1}"#, #"{"b":2}"#, "", #"{"c":3}"#])
        #expect(result.last == nil)
    }

    @Test("a lone CR stays in the line")
    func loneCR() {
        #expect(Self.lines("a\rb\n").lines == ["a\rb"])
    }

    @Test("finish hands out an unterminated last line, without a dangling CR")
    func trailingLine() {
        #expect(Self.lines("{\"a\":1}\n{\"done\":true}").last == #"{"done":true}"#)
        #expect(Self.lines("x\r").last == "x")
        #expect(Self.lines("x\n").last == nil)
    }

    @Test("split UTF-8 arrives whole; invalid UTF-8 becomes U+FFFD")
    func utf8() {
        let bytes = Array("é\n".utf8)
        #expect(Self.lines([[bytes[0]], Array(bytes[1...])]).lines == ["é"])
        #expect(Self.lines([[0x61, 0xFF, 0x0A]]).lines == ["a\u{FFFD}"])
    }

    @Test("a line over the limit stops the splitter")
    func lineLimit() {
        // A CRLF line of exactly the limit is fine even when its CR waits for the next feed.
        #expect(Self.lines([Array("1234\r".utf8), Array("\n".utf8)], maxLineLength: 4).lines == ["1234"])
        var splitter = NDJSONLineSplitter(maxLineLength: 4)
        #expect(splitter.feed(Array("123".utf8)).isEmpty)
        #expect(splitter.feed(Array("45\nok\n".utf8)).isEmpty)
        #expect(splitter.exceededLineLimit)
        #expect(splitter.finish() == nil)
    }
}
