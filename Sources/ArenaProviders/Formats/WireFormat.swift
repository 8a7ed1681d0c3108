import ArenaCore
import Foundation

/// Everything that differs between providers, in one place per provider: how to build the
/// request, how to decode the stream, how to read an error body. Timeouts, retries, cancellation
/// and size caps live once, in `ModelClient`, not here.
public protocol WireFormat: Sendable {
    /// Builds the streaming request. `apiKey` is nil when the model needs none.
    func request(for chat: ChatRequest, apiKey: String?) throws(ProviderError) -> HTTPRequestSpec
    /// A fresh decoder for one response body.
    func makeDecoder() -> any ChatStreamDecoder
    /// Events from a complete non-streamed JSON body (servers that ignore `stream: true`).
    func decodeWhole(_ body: [UInt8]) -> [StreamEvent]
    /// The failure a non-2xx answer means. `keyVariable` names where the key came from.
    func error(status: Int, headers: [(String, String)], body: [UInt8], keyVariable: String?) -> ProviderError
}

extension ProviderKind {
    /// The wire format for this provider.
    public var wireFormat: any WireFormat {
        switch self {
        case .openai: return OpenAIChatFormat()
        case .anthropic: return AnthropicMessagesFormat()
        case .gemini: return GeminiFormat()
        case .ollama: return OllamaChatFormat()
        }
    }
}

/// JSON encoding shared by the request builders: stable key order, no escaped slashes.
enum RequestJSON {
    static func encode<T: Encodable>(_ value: T) throws(ProviderError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(value) } catch {
            throw ProviderError(.configuration, "cannot encode the request: \(error)")
        }
    }
}
