import ArenaCore
import Foundation

/// Google Gemini `POST {base_url}/models/{model}:streamGenerateContent?alt=sse`.
///
/// Roles are `user` and `model`; the system prompt travels as `systemInstruction`; the key as
/// `x-goog-api-key` (never in the URL, so it cannot leak into logs).
public struct GeminiFormat: WireFormat {
    public init() {}

    struct Part: Encodable { var text: String }
    struct Content: Encodable { var role: String?; var parts: [Part] }
    struct GenerationConfig: Encodable {
        var temperature: Double?
        var topP: Double?
        var maxOutputTokens: Int?
        var stopSequences: [String]?
        var seed: Int?
    }
    struct Body: Encodable {
        var contents: [Content]
        var systemInstruction: Content?
        var generationConfig: GenerationConfig
    }

    public func request(for chat: ChatRequest, apiKey: String?) throws(ProviderError) -> HTTPRequestSpec {
        let params = chat.model.params
        let body = Body(contents: chat.dialogue.map {
                            Content(role: $0.role == .assistant ? "model" : "user", parts: [Part(text: $0.content)])
                        },
                        systemInstruction: chat.system.map { Content(role: nil, parts: [Part(text: $0)]) },
                        generationConfig: GenerationConfig(temperature: params.temperature, topP: params.topP,
                                                           maxOutputTokens: params.maxTokens,
                                                           stopSequences: params.stop, seed: params.seed))
        let model = chat.model.model.hasPrefix("models/") ? String(chat.model.model.dropFirst(7)) : chat.model.model
        let escaped = model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? model
        let url = chat.model.baseURL.appendingEndpoint("/models/\(escaped):streamGenerateContent?alt=sse")
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("Accept", "text/event-stream")]
        if let apiKey { headers.append(("x-goog-api-key", apiKey)) }
        headers += chat.model.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return HTTPRequestSpec(url: url, headers: headers, body: try RequestJSON.encode(body))
    }

    public func makeDecoder() -> any ChatStreamDecoder { GeminiStreamDecoder() }

    public func decodeWhole(_ body: [UInt8]) -> [StreamEvent] { GeminiStreamDecoder.decodeWhole(body) }

    public func error(status: Int, headers: [(String, String)], body: [UInt8], keyVariable: String?) -> ProviderError {
        GeminiStreamDecoder.error(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
