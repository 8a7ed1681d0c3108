import ArenaTestTraits
import ArenaCore
import ArenaProviders
import Testing

@Suite("GeminiStreamDecoder", .ownThread)
struct GeminiStreamDecoderTests {
    /// Gemini frames events with CRLF.
    static func sse(_ json: String) -> String { "data: \(json)\r\n\r\n" }

    static let thought = sse(#"{"candidates":[{"content":{"parts":[{"text":"**Plan**","thought":true}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":29,"totalTokenCount":88,"thoughtsTokenCount":59},"modelVersion":"gemini-2.5-flash"}"#)
    static let answer = sse(#"{"candidates":[{"content":{"parts":[{"text":"4"},{"thoughtSignature":"abc"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":29,"candidatesTokenCount":1,"totalTokenCount":89,"thoughtsTokenCount":59,"cachedContentTokenCount":8}}"#)
    static let stop = sse(#"{"candidates":[{"content":{"parts":[{"text":"."}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":29,"candidatesTokenCount":2,"totalTokenCount":90,"thoughtsTokenCount":59,"cachedContentTokenCount":8}}"#)

    @Test("thought parts as reasoning, text parts as text, usage normalised, STOP at EOF")
    func stream() {
        let events = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.thought, Self.answer, Self.stop])
        #expect(events == [
            .served(ServedModel(model: "gemini-2.5-flash")), .reasoning("**Plan**"), .usage(TokenUsage(inputTokens: 29, outputTokens: 59, reasoningTokens: 59)),
            .text("4"), .usage(TokenUsage(inputTokens: 29, outputTokens: 60, cachedInputTokens: 8, reasoningTokens: 59)),
            .text("."), .usage(TokenUsage(inputTokens: 29, outputTokens: 61, cachedInputTokens: 8, reasoningTokens: 59)),
            .finished(.stop),
        ])
    }

    @Test("finishReason maps through FinishReason(wire:); a usage-only chunk after it still counts")
    func finishReasons() {
        let length = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.sse(#"{"candidates":[{"content":{"parts":[{"text":"a"}]},"finishReason":"MAX_TOKENS"}]}"#),
                                                                   Self.sse(#"{"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":1}}"#)])
        #expect(length == [.text("a"), .usage(TokenUsage(inputTokens: 3, outputTokens: 1)), .finished(.length)])
        let safety = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.sse(#"{"candidates":[{"finishReason":"SAFETY"}]}"#)])
        #expect(safety == [.finished(.contentFilter)])
    }

    @Test("a raw {\"error\":…} after the last event fails, quoting the server (pretty-printed too)")
    func rawErrorAfterLastEvent() {
        let oneLine = #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#
        let events = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.thought, Self.answer, oneLine + "\r\n"])
        #expect(events.last == .failed(ProviderError(.overloaded, "The model is overloaded. Please try again later.")))
        #expect(DecoderReplay.fold(events).text == "4")

        let pretty = "{\n  \"error\": {\n    \"code\": 500,\n    \"message\": \"Internal error encountered.\",\n    \"status\": \"INTERNAL\"\n  }\n}\n"
        let prettyEvents = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.answer, pretty])
        #expect(prettyEvents.last == .failed(ProviderError(.streamError, "Internal error encountered.")))
    }

    @Test("an error as a data: event fails too")
    func errorEvent() {
        let events = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.answer, Self.sse(#"{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}"#)])
        #expect(events.last == .failed(ProviderError(.streamError, "Resource exhausted")))
    }

    @Test("a blocked prompt (blockReason, no candidates) fails naming the reason")
    func blockedPrompt() {
        let events = DecoderReplay.chunks(GeminiStreamDecoder(), [Self.sse(#"{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":9}}"#)])
        #expect(events.count == 1)
        let error = DecoderReplay.fold(events).error
        #expect(error?.kind == .streamError)
        #expect(error?.message.contains("SAFETY") == true)
    }

    @Test("EOF without finishReason is truncated; no bytes is an empty response; junk is malformed")
    func endOfBody() {
        #expect(DecoderReplay.chunks(GeminiStreamDecoder(), [Self.thought, Self.answer]).last == .finished(.truncated))
        #expect(DecoderReplay.fold(DecoderReplay.chunks(GeminiStreamDecoder(), [])).error?.kind == .emptyResponse)
        #expect(DecoderReplay.fold(DecoderReplay.chunks(GeminiStreamDecoder(), [Self.sse("{\"candidates\":")])).error?.kind == .malformedChunk)
    }

    @Test("CRLF framing splits cleanly at every byte offset")
    func everySplit() {
        let body = Array((Self.thought + Self.answer + Self.stop).utf8)
        let whole = DecoderReplay.whole(GeminiStreamDecoder(), body)
        #expect(DecoderReplay.literalSplitMismatches(GeminiStreamDecoder(), body).isEmpty)
        #expect(DecoderReplay.splitMismatches(GeminiStreamDecoder(), body).isEmpty)
        #expect(DecoderReplay.bytewise(GeminiStreamDecoder(), body) == whole)
    }

    @Test("a whole generateContent body, or a JSON array of responses")
    func completeBody() {
        let body = #"{"candidates":[{"content":{"parts":[{"text":"hm","thought":true},{"text":"4"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":1,"thoughtsTokenCount":2}}"#
        let expected: [StreamEvent] = [.reasoning("hm"), .text("4"),
                                       .usage(TokenUsage(inputTokens: 4, outputTokens: 3, reasoningTokens: 2)), .finished(.stop)]
        #expect(GeminiStreamDecoder.decodeWhole(Array(body.utf8)) == expected)
        let array = #"[{"candidates":[{"content":{"parts":[{"text":"a"}]}}]},{"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"MAX_TOKENS"}]}]"#
        #expect(GeminiStreamDecoder.decodeWhole(Array(array.utf8)) == [.text("a"), .text("b"), .finished(.length)])
    }
}
