import ArenaTestTraits
import ArenaCore
import ArenaProviders
import Testing

@Suite("OllamaChatDecoder", .ownThread)
struct OllamaChatDecoderTests {
    static let lines = [
        #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"","thinking":"Two plus two."},"done":false}"#,
        #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"It is "},"done":false}"#,
        #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"4."},"done":true,"done_reason":"length","total_duration":4883583458,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}"#,
    ]

    @Test("thinking, content, text on the done line, usage and done_reason")
    func stream() {
        let events = DecoderReplay.chunks(OllamaChatDecoder(), [Self.lines.joined(separator: "\n") + "\n"])
        #expect(events == [.served(ServedModel(model: "qwen3")), .reasoning("Two plus two."), .text("It is "), .text("4."),
                           .usage(TokenUsage(inputTokens: 26, outputTokens: 282)), .finished(.length)])
    }

    @Test("done with no done_reason or metrics is a plain stop; load/unload read as stop")
    func doneDefaults() {
        #expect(DecoderReplay.chunks(OllamaChatDecoder(), [#"{"message":{"content":"x"},"done":true}"#]) == [.text("x"), .finished(.stop)])
        #expect(DecoderReplay.chunks(OllamaChatDecoder(), [#"{"done":true,"done_reason":"load"}"# + "\n"]) == [.finished(.stop)])
    }

    @Test("an error line fails and keeps the text; missing done is truncated; nothing is empty")
    func failures() {
        let error = DecoderReplay.chunks(OllamaChatDecoder(), [Self.lines[1] + "\n", #"{"error":"an error was encountered while running the model"}"# + "\n"])
        #expect(error == [.served(ServedModel(model: "qwen3")), .text("It is "), .failed(ProviderError(.streamError, "an error was encountered while running the model"))])
        #expect(DecoderReplay.chunks(OllamaChatDecoder(), [Self.lines[1] + "\n"]).last == .finished(.truncated))
        #expect(DecoderReplay.fold(DecoderReplay.chunks(OllamaChatDecoder(), [])).error?.kind == .emptyResponse)
        #expect(DecoderReplay.fold(DecoderReplay.chunks(OllamaChatDecoder(), ["{\"message\":\n"])).error?.kind == .malformedChunk)
    }

    @Test("CRLF lines, blank lines and a last line without LF; every split offset")
    func framing() {
        let body = Array(("\r\n" + Self.lines.joined(separator: "\r\n\n")).utf8)
        let whole = DecoderReplay.whole(OllamaChatDecoder(), body)
        #expect(DecoderReplay.fold(whole).text == "It is 4.")
        #expect(whole.last == .finished(.length))
        #expect(DecoderReplay.literalSplitMismatches(OllamaChatDecoder(), body).isEmpty)
        #expect(DecoderReplay.splitMismatches(OllamaChatDecoder(), body).isEmpty)
        #expect(DecoderReplay.bytewise(OllamaChatDecoder(), body) == whole)
    }

    @Test("a whole non-streamed answer")
    func completeBody() {
        let body = #"{"model":"m","message":{"role":"assistant","content":"Hi","thinking":"hm"},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":4}"#
        #expect(OllamaChatDecoder.decodeWhole(Array(body.utf8)) ==
                [.served(ServedModel(model: "m")), .reasoning("hm"), .text("Hi"), .usage(TokenUsage(inputTokens: 3, outputTokens: 4)),
                 .finished(.stop)])
        #expect(OllamaChatDecoder.decodeWhole(Array(#"{"error":"model 'x' not found"}"#.utf8)) ==
                [.failed(ProviderError(.streamError, "model 'x' not found"))])
    }
}
