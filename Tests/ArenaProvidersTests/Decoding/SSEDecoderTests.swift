import ArenaProviders
import Testing

@Suite("SSEDecoder")
struct SSEDecoderTests {
    /// Feeds byte chunks, finishes, returns the events.
    static func events(_ chunks: [[UInt8]], maxLineLength: Int = SSEDecoder.defaultMaxLineLength) -> [SSEEvent] {
        var decoder = SSEDecoder(maxLineLength: maxLineLength)
        return chunks.flatMap { decoder.feed($0) } + decoder.finish()
    }

    static func events(_ chunks: String...) -> [SSEEvent] {
        events(chunks.map { Array($0.utf8) })
    }

    static func outputs(_ text: String) -> [SSEDecoder.Output] {
        var decoder = SSEDecoder()
        return decoder.feedOutputs(Array(text.utf8)) + decoder.finishOutputs()
    }

    @Test("LF, CRLF and lone CR end lines alike")
    func lineEndings() {
        let expected = [SSEEvent(data: "a\nb"), SSEEvent(type: "x", data: "c")]
        #expect(Self.events("data: a\ndata: b\n\nevent: x\ndata: c\n\n") == expected)
        #expect(Self.events("data: a\r\ndata: b\r\n\r\nevent: x\r\ndata: c\r\n\r\n") == expected)
        #expect(Self.events("data: a\rdata: b\r\revent: x\rdata: c\r\r") == expected)
        #expect(Self.events("data: a\rdata: b\n\r\nevent: x\r\ndata: c\r\r") == expected)
    }

    @Test("a CRLF split across feeds is one line end, not two")
    func crlfSplitAcrossFeeds() {
        // Read as two line ends, the LF would be a blank line dispatching "a" on its own.
        #expect(Self.events("data: a\r", "\ndata: b\r", "\n\r", "\n") == [SSEEvent(data: "a\nb")])
        #expect(Self.events("data: a\r", "\n", "\r", "\n") == [SSEEvent(data: "a")])
    }

    @Test("a lone CR at the end of a feed still ends the line when no LF follows")
    func loneCRAtFeedEnd() {
        #expect(Self.events("data: a\r", "data: b\r", "\r") == [SSEEvent(data: "a\nb")])
        #expect(Self.events("data: a\r", "\r", "data: b\r\r") == [SSEEvent(data: "a"), SSEEvent(data: "b")])
    }

    @Test("one leading BOM is stripped, even split across feeds; a second one is not")
    func byteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let rest = Array("data: x\n\n".utf8)
        #expect(Self.events([bom + rest]) == [SSEEvent(data: "x")])
        #expect(Self.events([[0xEF], [0xBB], [0xBF] + rest]) == [SSEEvent(data: "x")])
        // Twice: the second BOM is part of the field name, which is then unknown.
        #expect(Self.events([bom + bom + rest]) == [])
        // Not at the start: the BOM is data.
        #expect(Self.events([Array("data: ".utf8) + bom + Array("\n\n".utf8)]) == [SSEEvent(data: "\u{FEFF}")])
    }

    @Test("comments are skipped, including keep-alives between events")
    func comments() {
        let text = ": OPENROUTER PROCESSING\n\ndata: a\n: ping - 2026-11-21\n\n:\n\n"
        #expect(Self.events(text) == [SSEEvent(data: "a")])
    }

    @Test("fields split at the first colon and lose exactly one leading space")
    func fieldParsing() {
        #expect(Self.events("data:x\n\n") == [SSEEvent(data: "x")])
        #expect(Self.events("data: x\n\n") == [SSEEvent(data: "x")])
        #expect(Self.events("data:  x\n\n") == [SSEEvent(data: " x")])
        #expect(Self.events("data: a: b\n\n") == [SSEEvent(data: "a: b")])
        #expect(Self.events("data\n\n") == [SSEEvent(data: "")])
        #expect(Self.events("data : x\n\n") == [])
        #expect(Self.events("DATA: x\n\n") == [])
    }

    @Test("data lines join with LF; a blank line dispatches; no data means no event")
    func dispatch() {
        #expect(Self.events("data: a\ndata:\ndata: c\n\n") == [SSEEvent(data: "a\n\nc")])
        #expect(Self.events("\n\n\n") == [])
        // The event type is reset by a dispatch even when nothing was dispatched.
        #expect(Self.events("event: ping\n\ndata: x\n\n") == [SSEEvent(data: "x")])
        #expect(Self.events("event: a\nevent: b\ndata: x\n\n") == [SSEEvent(type: "b", data: "x")])
    }

    @Test("id persists across events and is ignored when it contains NUL; retry needs digits")
    func idAndRetry() {
        var decoder = SSEDecoder()
        let first = decoder.feed(Array("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid: 8\u{0}x\nretry: 15x\ndata: c\n\n".utf8))
        #expect(first == [SSEEvent(data: "a", id: "7"), SSEEvent(data: "b", id: "7"), SSEEvent(data: "c", id: "7")])
        #expect(decoder.lastEventID == "7")
        #expect(decoder.reconnectionTime == 1500)
        #expect(decoder.feed(Array("id\ndata: d\n\n".utf8)) == [SSEEvent(data: "d", id: "")])
    }

    @Test("a UTF-8 character split across feeds arrives whole")
    func splitCharacter() {
        let bytes = Array("data: é😀\n\n".utf8)
        for cut in 0...bytes.count {
            #expect(Self.events([Array(bytes[..<cut]), Array(bytes[cut...])]) == [SSEEvent(data: "é😀")])
        }
    }

    @Test("invalid UTF-8 becomes U+FFFD instead of crashing")
    func invalidUTF8() {
        let bytes = Array("data: ".utf8) + [0xFF, 0xC3] + Array(" ok\n\n".utf8)
        #expect(Self.events([bytes]) == [SSEEvent(data: "\u{FFFD}\u{FFFD} ok")])
    }

    @Test("EOF flushes an unterminated event with data, and only then")
    func endOfStream() {
        #expect(Self.events("data: x") == [SSEEvent(data: "x")])
        #expect(Self.events("data: x\n") == [SSEEvent(data: "x")])
        #expect(Self.events("data: x\r") == [SSEEvent(data: "x")])
        #expect(Self.events("event: a\n") == [])
        #expect(Self.events("") == [])
    }

    @Test("a line over the limit stops the decoder with a clear signal")
    func lineLimit() {
        // 16 bytes is allowed, 17 is not, however it is chunked.
        #expect(Self.events([Array("data: 0123456789\n\n".utf8)], maxLineLength: 16) == [SSEEvent(data: "0123456789")])
        var decoder = SSEDecoder(maxLineLength: 16)
        var outputs: [SSEDecoder.Output] = []
        for piece in ["data: 012", "3456789", "X", "\n\ndata: late\n\n"] {
            outputs += decoder.feedOutputs(Array(piece.utf8))
        }
        outputs += decoder.finishOutputs()
        #expect(outputs == [.lineTooLong(limit: 16)])
        #expect(decoder.exceededLineLimit)
        #expect(decoder.feed(Array("data: x\n\n".utf8)) == [])
    }

    @Test("raw JSON outside SSE framing is surfaced, one-line or pretty-printed")
    func unframedJSON() {
        let raw = #"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#
        #expect(Self.outputs("data: {\"a\":1}\r\n\r\n\(raw)\r\n") ==
                [.event(SSEEvent(data: #"{"a":1}"#)), .unframedJSON(raw)])
        let pretty = "{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"x { y\"\n  }\n}"
        #expect(Self.outputs(pretty + "\n") == [.unframedJSON(pretty)])
        // At EOF without a line end, and never in the plain event list.
        #expect(Self.outputs("[{\"error\":{}}]") == [.unframedJSON("[{\"error\":{}}]")])
        #expect(Self.events("\(raw)\n") == [])
    }

    @Test("an old llama-server `error: {…}` line is surfaced as JSON")
    func llamaErrorLine() {
        let outputs = Self.outputs("data: {\"x\":1}\n\nerror: {\"message\":\"boom\",\"code\":500}\n\n")
        #expect(outputs == [.event(SSEEvent(data: #"{"x":1}"#)), .errorField(#"{"message":"boom","code":500}"#)])
        #expect(Self.outputs("error: not json\n\n") == [])
    }

    @Test("the state depends on the bytes read, not on how they were chunked")
    func canonicalState() {
        let bytes = Array("event: e\r\ndata: a\r\nid: 1\r\n\r\ndata: é".utf8)
        var whole = SSEDecoder()
        _ = whole.feed(bytes)
        var bytewise = SSEDecoder()
        for byte in bytes { _ = bytewise.feed(CollectionOfOne(byte)) }
        #expect(whole == bytewise)
    }
}
