import ArenaTestTraits
import ArenaCore
import ArenaProviders
import Testing

@Suite("OpenAIChatDecoder", .ownThread)
struct OpenAIChatDecoderTests {
    static func decode(_ chunks: String...) -> [StreamEvent] {
        DecoderReplay.chunks(OpenAIChatDecoder(), chunks)
    }

    static func answer(_ chunks: String...) -> AnswerAccumulator {
        DecoderReplay.fold(DecoderReplay.chunks(OpenAIChatDecoder(), chunks))
    }

    /// `data: <json>` plus the blank line.
    static func sse(_ json: String) -> String { "data: \(json)\n\n" }

    static func delta(_ fields: String, finish: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return sse(#"{"choices":[{"index":0,"delta":{\#(fields)},"finish_reason":\#(reason)}]}"#)
    }

    @Test("content as text, reasoning_content and reasoning as reasoning, finish at [DONE]")
    func textAndReasoning() {
        let events = Self.decode(
            Self.delta(#""role":"assistant","content":"""#),
            Self.delta(#""reasoning_content":"think ""#),
            Self.delta(#""reasoning":"more""#),
            Self.delta(#""reasoning_content":"same","reasoning":"same""#),
            Self.delta(#""content":"Hi""#),
            Self.delta("", finish: "length"),
            "data: [DONE]\n\n")
        #expect(events == [.reasoning("think "), .reasoning("more"), .reasoning("same"), .text("Hi"),
                           .finished(.length)])
    }

    @Test("usage from a choices:[] chunk, normalised with cached and reasoning tokens")
    func usageChunk() {
        let usage = #"{"choices":[],"usage":{"prompt_tokens":100,"completion_tokens":40,"total_tokens":140,"prompt_tokens_details":{"cached_tokens":64},"completion_tokens_details":{"reasoning_tokens":25}}}"#
        let answer = Self.answer(Self.delta(#""content":"x""#), Self.delta("", finish: "stop"), Self.sse(usage), "data: [DONE]\n\n")
        #expect(answer.usage == TokenUsage(inputTokens: 100, outputTokens: 40, cachedInputTokens: 64, reasoningTokens: 25))
        #expect(answer.finishReason == .stop)
    }

    @Test("usage on LiteLLM's choices:[{delta:{}}] chunk, Groq's x_groq and DeepSeek's cache fields")
    func usageVariants() {
        let litellm = Self.answer(Self.sse(#"{"choices":[{"index":0,"delta":{}}],"usage":{"prompt_tokens":13,"completion_tokens":37}}"#), "data: [DONE]\n\n")
        #expect(litellm.usage == TokenUsage(inputTokens: 13, outputTokens: 37))
        let groq = Self.answer(Self.sse(#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"usage":{"prompt_tokens":5,"completion_tokens":6,"queue_time":0.01}}}"#), "data: [DONE]\n\n")
        #expect(groq.usage == TokenUsage(inputTokens: 5, outputTokens: 6))
        let deepseek = Self.answer(Self.sse(#"{"choices":[],"usage":{"completion_tokens":9,"prompt_cache_hit_tokens":30,"prompt_cache_miss_tokens":12}}"#), "data: [DONE]\n\n")
        #expect(deepseek.usage == TokenUsage(inputTokens: 42, outputTokens: 9, cachedInputTokens: 30))
    }

    @Test("usage in every chunk (xAI, vLLM continuous): the last one wins")
    func usageEveryChunk() {
        let answer = Self.answer(
            Self.sse(#"{"choices":[{"index":0,"delta":{"content":"a"}}],"usage":{"prompt_tokens":7,"completion_tokens":1}}"#),
            Self.sse(#"{"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":2}}"#),
            "data: [DONE]\n\n")
        #expect(answer.usage == TokenUsage(inputTokens: 7, outputTokens: 2))
        #expect(answer.text == "ab")
    }

    @Test("an error payload after text fails the answer and keeps the text")
    func errorAfterText() {
        let events = Self.decode(
            Self.delta(#""content":"Hel""#),
            Self.sse(#"{"error":{"message":"upstream died","type":"server_error","code":"500"}}"#),
            Self.delta(#""content":"lo""#))
        #expect(events == [.text("Hel"), .failed(ProviderError(.streamError, "upstream died"))])
        #expect(DecoderReplay.fold(events).text == "Hel")
    }

    @Test("event: error, a flat vLLM error and an old llama-server error line all fail")
    func errorShapes() {
        let named = Self.decode("event: error\ndata: {\"error\":{\"message\":\"rate limited mid-stream\"}}\n\n")
        #expect(named == [.failed(ProviderError(.streamError, "rate limited mid-stream"))])
        let flat = Self.decode(Self.sse(#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404}"#))
        #expect(flat == [.failed(ProviderError(.streamError, "The model `x` does not exist."))])
        let llama = Self.decode(Self.delta(#""content":"a""#), "error: {\"code\":500,\"message\":\"slot unavailable\",\"type\":\"server_error\"}\n\n")
        #expect(llama == [.text("a"), .failed(ProviderError(.streamError, "slot unavailable"))])
    }

    @Test("falsy error fields are not errors")
    func falsyErrors() {
        for error in ["null", "false", "\"\"", "{}", "0"] {
            let events = Self.decode(Self.sse(#"{"error":\#(error),"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}"#), "data: [DONE]\n\n")
            #expect(events == [.text("ok"), .finished(.stop)], "error: \(error)")
        }
    }

    @Test("a chunk that is not JSON fails as malformed")
    func malformedChunk() {
        let events = Self.decode(Self.delta(#""content":"a""#), "data: {\"choices\":[{\"delta\":\n\n")
        #expect(events.count == 2)
        guard case .failed(let error) = events.last else { Issue.record("no failure: \(events)"); return }
        #expect(error.kind == .malformedChunk)
        #expect(error.message.contains("{\"choices\""))
    }

    @Test("[DONE] without a finish_reason is truncated (llama.cpp's interrupted answer)")
    func doneWithoutFinish() {
        #expect(Self.decode(Self.delta(#""content":"a""#), "data: [DONE]\n\n") == [.text("a"), .finished(.truncated)])
    }

    @Test("EOF without [DONE]: the recorded finish_reason, else truncated, else empty")
    func endOfBody() {
        #expect(Self.decode(Self.delta(#""content":"a""#, finish: "stop")) == [.text("a"), .finished(.stop)])
        #expect(Self.decode(Self.delta(#""content":"a""#)) == [.text("a"), .finished(.truncated)])
        #expect(Self.decode(": keep-alive\n\n") == [.finished(.truncated)])
        let empty = Self.decode()
        #expect(empty.count == 1)
        guard case .failed(let error) = empty.first else { Issue.record("not failed: \(empty)"); return }
        #expect(error.kind == .emptyResponse)
    }

    @Test("exactly one terminal event: input after it is ignored, finish adds nothing")
    func oneTerminal() {
        var decoder = OpenAIChatDecoder()
        #expect(decoder.feed(Array("data: [DONE]\n\n".utf8)) == [.finished(.truncated)])
        #expect(decoder.feed(Array(Self.delta(#""content":"late""#).utf8)) == [])
        #expect(decoder.finish() == [])
        // A [DONE] without its blank line is still terminal at EOF.
        #expect(Self.decode(Self.delta("", finish: "stop"), "data: [DONE]") == [.finished(.stop)])
    }

    @Test("finish_reason \"error\" (Mistral) fails instead of finishing")
    func finishReasonError() {
        let events = Self.decode(Self.delta(#""content":"a""#, finish: "error"), "data: [DONE]\n\n")
        #expect(events.count == 2)
        guard case .failed(let error) = events.last else { Issue.record("not failed"); return }
        #expect(error.kind == .streamError)
    }

    @Test("Mistral content parts: thinking as reasoning, text as text")
    func contentParts() {
        let events = Self.decode(Self.delta(#""content":[{"type":"thinking","thinking":[{"type":"text","text":"hmm"}]},{"type":"text","text":"42"}]"#, finish: "stop"), "data: [DONE]\n\n")
        #expect(events == [.reasoning("hmm"), .text("42"), .finished(.stop)])
    }

    @Test("a line over the limit fails as malformed")
    func lineTooLong() {
        let events = DecoderReplay.chunks(OpenAIChatDecoder(maxLineLength: 32), [Self.delta(#""content":"far too long for the limit""#)])
        guard case .failed(let error) = events.last, events.count == 1 else { Issue.record("\(events)"); return }
        #expect(error.kind == .malformedChunk)
        #expect(error.message.contains("32 bytes"))
    }

    @Test("a whole chat.completion body gives the events a stream would have")
    func completeBody() {
        let body = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"4","reasoning_content":"2+2"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#
        #expect(OpenAIChatDecoder.decodeWhole(Array(body.utf8)) ==
                [.reasoning("2+2"), .text("4"), .usage(TokenUsage(inputTokens: 3, outputTokens: 2)), .finished(.stop)])
        let error = OpenAIChatDecoder.decodeWhole(Array(#"{"error":{"message":"nope"}}"#.utf8))
        #expect(error == [.failed(ProviderError(.streamError, "nope"))])
        let empty = OpenAIChatDecoder.decodeWhole([])
        #expect(empty.count == 1 && DecoderReplay.fold(empty).error?.kind == .emptyResponse)
        let junk = OpenAIChatDecoder.decodeWhole(Array("<html>".utf8))
        #expect(DecoderReplay.fold(junk).error?.kind == .malformedChunk)
    }

    @Test("a synthetic stream with every feature splits cleanly at every offset")
    func everySplit() {
        let body = Array((": OPENROUTER PROCESSING\r\n\r\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"é\"}}]}\r\n\r\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"😀 ok\"},\"finish_reason\":\"stop\"}]}\r\r"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}\n\n"
            + "data: [DONE]\r\n\r\n").utf8)
        let whole = DecoderReplay.whole(OpenAIChatDecoder(), body)
        #expect(whole == [.reasoning("é"), .text("😀 ok"), .usage(TokenUsage(inputTokens: 1, outputTokens: 2)), .finished(.stop)])
        #expect(DecoderReplay.literalSplitMismatches(OpenAIChatDecoder(), body).isEmpty)
        #expect(DecoderReplay.splitMismatches(OpenAIChatDecoder(), body).isEmpty)
        #expect(DecoderReplay.bytewise(OpenAIChatDecoder(), body) == whole)
    }
}
