import ArenaCore
import Foundation

/// OpenAI-compatible `POST {base_url}/chat/completions` with `stream: true` — OpenAI, vLLM,
/// llama.cpp, LM Studio, Ollama `/v1`, OpenRouter, Groq, DeepSeek, Together, Mistral, LiteLLM.
///
/// Asks for usage with `stream_options.include_usage`; servers that ignore it (llama.cpp) get
/// their tokens estimated downstream. Sends `max_completion_tokens` to api.openai.com (its
/// reasoning models reject `max_tokens`) and `max_tokens` everywhere else.
public struct OpenAIChatFormat: WireFormat {
    public init() {}

    struct Body: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        struct StreamOptions: Encodable { var include_usage: Bool }
        var model: String
        var messages: [Message]
        var stream = true
        var stream_options = StreamOptions(include_usage: true)
        var temperature: Double?
        var top_p: Double?
        var max_tokens: Int?
        var max_completion_tokens: Int?
        var seed: Int?
        var stop: [String]?
    }

    public func request(for chat: ChatRequest, apiKey: String?) throws(ProviderError) -> HTTPRequestSpec {
        let params = chat.model.params
        let official = chat.model.baseURL.host?.hasSuffix("api.openai.com") ?? false
        let body = Body(model: chat.model.model,
                        messages: chat.messages.map { .init(role: $0.role.rawValue, content: $0.content) },
                        temperature: params.temperature, top_p: params.topP,
                        max_tokens: official ? nil : params.maxTokens,
                        max_completion_tokens: official ? params.maxTokens : nil,
                        seed: params.seed, stop: params.stop)
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("Accept", "text/event-stream")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        headers += chat.model.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return HTTPRequestSpec(url: chat.model.baseURL.appendingEndpoint("/chat/completions"),
                               headers: headers, body: try RequestJSON.encode(body))
    }

    public func makeDecoder() -> any ChatStreamDecoder { OpenAIChatDecoder() }

    public func decodeWhole(_ body: [UInt8]) -> [StreamEvent] { OpenAIChatDecoder.decodeWhole(body) }

    public func error(status: Int, headers: [(String, String)], body: [UInt8], keyVariable: String?) -> ProviderError {
        OpenAIChatDecoder.error(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
