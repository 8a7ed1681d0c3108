import ArenaCore
import Foundation

/// Ollama's native `POST {base_url}/api/chat`, streamed as NDJSON.
///
/// Sampling parameters go in `options` (`num_predict` is the token limit).
public struct OllamaChatFormat: WireFormat {
    public init() {}

    struct Options: Encodable {
        var temperature: Double?
        var top_p: Double?
        var num_predict: Int?
        var seed: Int?
        var stop: [String]?
    }
    struct Body: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        var model: String
        var messages: [Message]
        var stream = true
        var options: Options
    }

    public func request(for chat: ChatRequest, apiKey: String?) throws(ProviderError) -> HTTPRequestSpec {
        let params = chat.model.params
        let body = Body(model: chat.model.model,
                        messages: chat.messages.map { .init(role: $0.role.rawValue, content: $0.content) },
                        options: Options(temperature: params.temperature, top_p: params.topP,
                                         num_predict: params.maxTokens, seed: params.seed, stop: params.stop))
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        headers += chat.model.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return HTTPRequestSpec(url: chat.model.baseURL.appendingEndpoint("/api/chat"), headers: headers,
                               body: try RequestJSON.encode(body))
    }

    public func makeDecoder() -> any ChatStreamDecoder { OllamaChatDecoder() }

    public func decodeWhole(_ body: [UInt8]) -> [StreamEvent] { OllamaChatDecoder.decodeWhole(body) }

    public func error(status: Int, headers: [(String, String)], body: [UInt8], keyVariable: String?) -> ProviderError {
        OllamaChatDecoder.error(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
