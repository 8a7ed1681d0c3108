import ArenaCore
import ArenaProviders
import Testing

@Suite("HTTP error bodies")
struct HTTPErrorMappingTests {
    static func openAI(_ status: Int, _ body: String, key: String? = "OPENAI_API_KEY") -> ProviderError {
        OpenAIChatDecoder.error(status: status, headers: [], body: Array(body.utf8), keyVariable: key)
    }

    @Test("401/403 name the key variable and never echo a key")
    func authentication() {
        let error = Self.openAI(401, #"{"error":{"message":"Incorrect API key provided: sk-proj-abc123***************************xyz9. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#)
        #expect(error.kind == .authentication)
        #expect(error.status == 401)
        #expect(error.message.hasSuffix("Check OPENAI_API_KEY."))
        #expect(error.message.hasPrefix("Incorrect API key provided: [redacted]. You can find"))
        #expect(!error.message.contains("sk-"))
        let gemini = GeminiStreamDecoder.error(status: 403, headers: [], body: Array(#"{"error":{"code":403,"message":"Method doesn't allow unregistered callers. Please use API Key AIzaSyD-1234567890abcdefghij.","status":"PERMISSION_DENIED"}}"#.utf8), keyVariable: nil)
        #expect(gemini.kind == .authentication)
        #expect(!gemini.message.contains("AIza"))
        #expect(gemini.message.hasSuffix("Check the API key."))
        #expect(Self.openAI(401, "", key: "GROQ_API_KEY").message == "The API key was rejected. Check GROQ_API_KEY.")
    }

    @Test("404 and unknown-model wording are notFound")
    func notFound() {
        let ollama = OllamaChatDecoder.error(status: 404, headers: [], body: Array(#"{"error":"model \"llama9\" not found, try pulling it first"}"#.utf8), keyVariable: nil)
        #expect(ollama == ProviderError(.notFound, #"model "llama9" not found, try pulling it first"#, status: 404))
        #expect(Self.openAI(400, #"{"error":{"message":"x","code":"model_not_found"}}"#).kind == .notFound)
    }

    @Test("context too long by code or by wording, else badRequest")
    func badRequests() {
        #expect(Self.openAI(400, #"{"error":{"message":"too big","code":"context_length_exceeded"}}"#).kind == .contextTooLong)
        let anthropic = AnthropicMessagesDecoder.error(status: 400, headers: [], body: Array(#"{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208310 tokens > 200000 maximum"}}"#.utf8), keyVariable: "ANTHROPIC_API_KEY")
        #expect(anthropic == ProviderError(.contextTooLong, "prompt is too long: 208310 tokens > 200000 maximum", status: 400))
        let gemini = GeminiStreamDecoder.error(status: 400, headers: [], body: Array(#"{"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}"#.utf8), keyVariable: nil)
        #expect(gemini.kind == .contextTooLong)
        #expect(Self.openAI(422, #"{"detail":[{"loc":["body","messages"],"msg":"field required"}]}"#).kind == .badRequest)
        #expect(Self.openAI(400, #"{"error":{"message":"temperature must be <= 2"}}"#) ==
                ProviderError(.badRequest, "temperature must be <= 2", status: 400))
    }

    @Test("429 is rateLimited unless quota or spend is exhausted; 402 is quota")
    func rateAndQuota() {
        #expect(Self.openAI(429, #"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#).kind == .rateLimited)
        #expect(Self.openAI(429, #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"#).kind == .quotaExhausted)
        let spend = AnthropicMessagesDecoder.error(status: 429, headers: [], body: Array(#"{"type":"error","error":{"type":"rate_limit_error","message":"spend limit","details":{"error_code":"enforced_spend_limit_reached"}}}"#.utf8), keyVariable: nil)
        #expect(spend.kind == .quotaExhausted)
        #expect(Self.openAI(402, #"{"error":{"code":402,"message":"Insufficient credits"}}"#) ==
                ProviderError(.quotaExhausted, "Insufficient credits", status: 402))
        let perDay = Self.gemini429(quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier")
        #expect(perDay.kind == .quotaExhausted)
        let perMinute = Self.gemini429(quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
        #expect(perMinute.kind == .rateLimited)
        #expect(perMinute.message == "You exceeded your current quota.")
    }

    static func gemini429(quotaId: String) -> ProviderError {
        let body = #"[{"error":{"code":429,"message":"You exceeded your current quota.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"\#(quotaId)"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}]"#
        return GeminiStreamDecoder.error(status: 429, headers: [], body: Array(body.utf8), keyVariable: "GEMINI_API_KEY")
    }

    @Test("529 and overloaded 503s are overloaded; other 5xx are server errors")
    func serverSide() {
        let anthropic = AnthropicMessagesDecoder.error(status: 529, headers: [], body: Array(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#.utf8), keyVariable: nil)
        #expect(anthropic == ProviderError(.overloaded, "Overloaded", status: 529))
        let gemini = GeminiStreamDecoder.error(status: 503, headers: [], body: Array(#"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#.utf8), keyVariable: nil)
        #expect(gemini.kind == .overloaded)
        #expect(Self.openAI(503, "upstream connect error").kind == .serverError)
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>"
        #expect(Self.openAI(502, page) == ProviderError(.serverError, "502 Bad Gateway 502 Bad Gateway", status: 502))
        #expect(Self.openAI(500, "") == ProviderError(.serverError, "The server failed with HTTP 500.", status: 500))
    }

    @Test("messages are one line, at most 300 characters")
    func messageShape() {
        let long = String(repeating: "word ", count: 200)
        let error = Self.openAI(400, "{\"error\":{\"message\":\"line one\\n\\n  line two \(long)\"}}")
        #expect(error.message.hasPrefix("line one line two word"))
        #expect(error.message.count == 300)
        #expect(error.message.hasSuffix("…"))
        #expect(Self.openAI(500, "Internal\r\nServer   Error\n").message == "Internal Server Error")
    }
}
