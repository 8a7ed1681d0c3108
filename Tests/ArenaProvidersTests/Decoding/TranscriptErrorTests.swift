import ArenaCore
import ArenaProviders
import Testing

/// Every captured non-2xx chat transcript through its format's `error(status:headers:body:keyVariable:)`: kind, status and the
/// server's own message, as a user would read them in the seat.
@Suite("Transcript errors")
struct TranscriptErrorTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var id: String
        var kind: ProviderError.Kind
        var status: Int
        var message: String
        var testDescription: String { id }
    }

    static let expectations: [Expectation] = [
        Expectation(id: "litellm/anthropic_stream_429", kind: .rateLimited, status: 429,
                    message: "litellm.RateLimitError: this is a mock rate limit error LiteLLM: model group 'mock-429' failed with the error above. No fallback was attempted."),
        Expectation(id: "litellm/anthropic_unknown_model", kind: .notFound, status: 400,
                    message: "anthropic_messages: Invalid model name passed in model=no-such-model. Call `/v1/models` to view available models for your key."),
        Expectation(id: "litellm/openai_bad_key", kind: .badRequest, status: 400,
                    message: "No connected db."),
        Expectation(id: "litellm/openai_invalid_json", kind: .badRequest, status: 400,
                    message: "Invalid JSON payload: unexpected end of data: line 1 column 69 (char 68)"),
        Expectation(id: "litellm/openai_stream_mock-429", kind: .rateLimited, status: 429,
                    message: "litellm.RateLimitError: this is a mock rate limit error LiteLLM: model group 'mock-429' failed with the error above. No fallback was attempted."),
        Expectation(id: "litellm/openai_stream_mock-500", kind: .serverError, status: 500,
                    message: "litellm.InternalServerError: this is a mock internal server error LiteLLM: model group 'mock-500' failed with the error above. No fallback was attempted."),
        Expectation(id: "litellm/openai_stream_mock-context-window", kind: .contextTooLong, status: 400,
                    message: "litellm.ContextWindowExceededError: litellm.BadRequestError: this is a mock context window exceeded error model=mock-context-window. context_window_fallbacks=None. fallbacks=None. Set 'context_window_fallback' - https://docs.litellm.ai/docs/routing#fallbacks LiteLLM: model group 'mock-context-windo…"),
        Expectation(id: "litellm/openai_stream_mock-midstream-error", kind: .overloaded, status: 529,
                    message: "litellm.APIError: APIError: OpenAIException - litellm.MockException: This is a mock error raised mid-stream"),
        Expectation(id: "litellm/openai_unknown_model", kind: .notFound, status: 400,
                    message: "/chat/completions: Invalid model name passed in model=no-such-model. Call `/v1/models` to view available models for your key."),
        Expectation(id: "llama/context_overflow_nonstream", kind: .contextTooLong, status: 400,
                    message: "This model's maximum context length is 2048 tokens. However, you requested 3946 tokens (3930 in the messages, 16 in the completion). Please reduce the length of the messages or completion."),
        Expectation(id: "llama/invalid_json", kind: .serverError, status: 500,
                    message: "Internal Server Error"),
    ]

    @Test("the table covers every non-2xx transcript")
    func tableIsComplete() {
        #expect(Self.expectations.map(\.id).sorted() == DecodingFixtures.errorCases)
    }

    @Test("kind, status and the server's message", arguments: expectations)
    func mapsTranscript(_ expected: Expectation) throws {
        let transcript = try DecodingFixtures.transcript(expected.id)
        #expect(transcript.status == expected.status)
        let error = transcript.format.httpError(transcript, keyVariable: "ARENA_TEST_KEY")
        #expect(error.kind == expected.kind)
        #expect(error.status == expected.status)
        #expect(error.message == expected.message)
        #expect(error.message.count <= 300)
        #expect(!error.message.contains("\n"))
    }
}
