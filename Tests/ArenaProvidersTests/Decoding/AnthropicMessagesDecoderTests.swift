import ArenaTestTraits
import ArenaCore
import ArenaProviders
import Testing

@Suite("AnthropicMessagesDecoder", .ownThread)
struct AnthropicMessagesDecoderTests {
    static func event(_ name: String, _ json: String) -> String { "event: \(name)\ndata: \(json)\n\n" }

    static let start = event("message_start", #"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-x","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1,"cache_creation_input_tokens":10,"cache_read_input_tokens":100}}}"#)

    static func delta(_ index: Int, _ delta: String) -> String {
        event("content_block_delta", #"{"type":"content_block_delta","index":\#(index),"delta":\#(delta)}"#)
    }

    static let thinkingStream = [
        start,
        event("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}"#),
        delta(0, #"{"type":"thinking_delta","thinking":"Let me see. "}"#),
        event("ping", #"{"type":"ping"}"#),
        delta(0, #"{"type":"signature_delta","signature":"EqQBCgIYAhIM"}"#),
        event("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
        event("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#),
        delta(1, #"{"type":"text_delta","text":"Hel"}"#),
        delta(1, #"{"type":"text_delta","text":"lo"}"#),
        event("content_block_stop", #"{"type":"content_block_stop","index":1}"#),
        event("content_block_start", #"{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}"#),
        delta(2, #"{"type":"input_json_delta","partial_json":""}"#),
        event("brand_new_event", #"{"type":"brand_new_event","surprise":[1,2]}"#),
        event("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":15}}"#),
        event("message_stop", #"{"type":"message_stop"}"#),
    ]

    @Test("thinking and text deltas; signature, tool JSON, ping and unknown events ignored")
    func fullSequence() {
        let events = DecoderReplay.chunks(AnthropicMessagesDecoder(), Self.thinkingStream)
        #expect(events == [
            .served(ServedModel(model: "claude-x")),
            .usage(TokenUsage(inputTokens: 135, cachedInputTokens: 100)),
            .reasoning("Let me see. "), .text("Hel"), .text("lo"),
            .usage(TokenUsage(outputTokens: 15)),
            .finished(.length),
        ])
        let answer = DecoderReplay.fold(events)
        #expect(answer.usage == TokenUsage(inputTokens: 135, outputTokens: 15, cachedInputTokens: 100))
    }

    @Test("message_delta may restate input and cache counts; totals are recomputed")
    func usageInMessageDelta() {
        let answer = DecoderReplay.fold(DecoderReplay.chunks(AnthropicMessagesDecoder(), [
            Self.start,
            Self.event("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":30,"output_tokens":9}}"#),
            Self.event("message_stop", #"{"type":"message_stop"}"#),
        ]))
        // 30 fresh + 100 cache reads + 10 cache writes (the cache fields from message_start).
        #expect(answer.usage == TokenUsage(inputTokens: 140, outputTokens: 9, cachedInputTokens: 100))
        #expect(answer.finishReason == .stop)
    }

    @Test("an overloaded_error event after text fails as overloaded and keeps the text")
    func overloadedMidStream() {
        let events = DecoderReplay.chunks(AnthropicMessagesDecoder(), [
            Self.start, Self.delta(0, #"{"type":"text_delta","text":"Par"}"#),
            Self.event("error", #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#),
            Self.delta(0, #"{"type":"text_delta","text":"tial"}"#),
        ])
        #expect(events.last == .failed(ProviderError(.overloaded, "Overloaded")))
        #expect(DecoderReplay.fold(events).text == "Par")
        let other = DecoderReplay.chunks(AnthropicMessagesDecoder(), [
            Self.event("error", #"{"type":"error","error":{"type":"api_error","message":"Internal server error"}}"#),
        ])
        #expect(other == [.failed(ProviderError(.streamError, "Internal server error"))])
    }

    @Test("EOF without message_stop: the recorded stop reason, else truncated, else empty")
    func endOfBody() {
        let noStop = DecoderReplay.chunks(AnthropicMessagesDecoder(), Array(Self.thinkingStream.dropLast()))
        #expect(noStop.last == .finished(.length))
        let cut = DecoderReplay.chunks(AnthropicMessagesDecoder(), Array(Self.thinkingStream.prefix(8)))
        #expect(cut.last == .finished(.truncated))
        #expect(DecoderReplay.fold(cut).text == "Hel")
        let empty = DecoderReplay.chunks(AnthropicMessagesDecoder(), [])
        #expect(DecoderReplay.fold(empty).error?.kind == .emptyResponse)
    }

    @Test("a payload that is not JSON fails as malformed")
    func malformed() {
        let events = DecoderReplay.chunks(AnthropicMessagesDecoder(), [Self.start, "event: content_block_delta\ndata: {\"type\":\n\n"])
        #expect(DecoderReplay.fold(events).error?.kind == .malformedChunk)
    }

    @Test("every byte offset splits the synthetic stream cleanly")
    func everySplit() {
        let body = Array(Self.thinkingStream.joined().utf8)
        let whole = DecoderReplay.whole(AnthropicMessagesDecoder(), body)
        #expect(DecoderReplay.splitMismatches(AnthropicMessagesDecoder(), body).isEmpty)
        #expect(DecoderReplay.bytewise(AnthropicMessagesDecoder(), body) == whole)
    }

    @Test("a whole message body: thinking and text blocks, usage, stop reason")
    func completeBody() {
        let body = #"{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"4"}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":7,"cache_read_input_tokens":2}}"#
        #expect(AnthropicMessagesDecoder.decodeWhole(Array(body.utf8)) == [
            .reasoning("hmm"), .text("4"),
            .usage(TokenUsage(inputTokens: 7, outputTokens: 7, cachedInputTokens: 2)),
            .finished(.stop),
        ])
        let error = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#
        #expect(AnthropicMessagesDecoder.decodeWhole(Array(error.utf8)) ==
                [.failed(ProviderError(.overloaded, "Overloaded"))])
    }
}
