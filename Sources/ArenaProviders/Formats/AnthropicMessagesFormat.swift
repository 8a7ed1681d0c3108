import ArenaCore
import Foundation

/// Anthropic `POST {base_url}/v1/messages` with `stream: true`.
///
/// `system` goes top-level (the API has no system role); `max_tokens` is required, so it
/// defaults to 4096 when the config sets none; temperature is clamped to Anthropic's 0…1.
public struct AnthropicMessagesFormat: WireFormat {
    public static let apiVersion = "2023-06-01"
    public static let defaultMaxTokens = 4096

    public init() {}

    struct Body: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        var model: String
        var max_tokens: Int
        var messages: [Message]
        var system: String?
        var stream = true
        var temperature: Double?
        var top_p: Double?
        var stop_sequences: [String]?
    }

    public func request(for chat: ChatRequest, apiKey: String?) throws(ProviderError) -> HTTPRequestSpec {
        let params = chat.model.params
        let body = Body(model: chat.model.model, max_tokens: params.maxTokens ?? Self.defaultMaxTokens,
                        messages: chat.dialogue.map { .init(role: $0.role.rawValue, content: $0.content) },
                        system: chat.system, temperature: params.temperature.map { min($0, 1) },
                        top_p: params.topP, stop_sequences: params.stop)
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("Accept", "text/event-stream"),
                                           ("anthropic-version", Self.apiVersion)]
        if let apiKey { headers.append(("x-api-key", apiKey)) }
        headers += chat.model.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return HTTPRequestSpec(url: chat.model.baseURL.appendingEndpoint("/v1/messages"), headers: headers,
                               body: try RequestJSON.encode(body))
    }

    public func makeDecoder() -> any ChatStreamDecoder { AnthropicMessagesDecoder() }

    public func decodeWhole(_ body: [UInt8]) -> [StreamEvent] { AnthropicMessagesDecoder.decodeWhole(body) }

    public func error(status: Int, headers: [(String, String)], body: [UInt8], keyVariable: String?) -> ProviderError {
        AnthropicMessagesDecoder.error(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
