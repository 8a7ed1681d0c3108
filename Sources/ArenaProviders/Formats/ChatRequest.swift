import ArenaCore
import Foundation

/// What to ask one model: its config and the conversation so far (system message first, if any).
public struct ChatRequest: Sendable, Equatable {
    public var model: ModelConfig
    public var messages: [ChatMessage]

    public init(model: ModelConfig, messages: [ChatMessage]) {
        self.model = model
        self.messages = messages
    }

    /// The system prompt, if the conversation starts with one.
    var system: String? {
        messages.first.flatMap { $0.role == .system ? $0.content : nil }
    }

    /// The conversation without its system message (for formats that take it apart).
    var dialogue: [ChatMessage] {
        messages.filter { $0.role != .system }
    }
}

/// An HTTP request ready to send: no secrets in `description`.
public struct HTTPRequestSpec: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: String = "POST", url: URL, headers: [(String, String)], body: Data?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: HTTPRequestSpec, rhs: HTTPRequestSpec) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }

    public var description: String { "\(method) \(url.absoluteString)" }
}

extension URL {
    /// Appends a path like `/chat/completions` to a base URL whatever its trailing slash.
    public func appendingEndpoint(_ endpoint: String) -> URL {
        var text = absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + endpoint) ?? self
    }
}
