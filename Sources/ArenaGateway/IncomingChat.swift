import ArenaCore
import Foundation

/// A client's `POST /v1/chat/completions` body, read once: what the gateway needs to forward it,
/// capture it and translate it, with the original JSON kept for a relay as is.
///
/// ```swift
/// let chat = try IncomingChat(body: bytes)
/// chat.stream                       // "stream": true
/// chat.conversation                 // nil when it cannot be a suite prompt (tools, images, …)
/// try chat.upstreamBody(model: "gpt-4o-mini")   // the same JSON with the served model's id
/// ```
///
/// Traps: `conversation` is the text conversation as a suite stores it — consecutive turns of one
/// role joined, `developer` read as `system`, text parts of a content array joined — so it is for
/// capture and translation, never for the relay, which sends the client's JSON unchanged but for
/// `model`.
struct IncomingChat: Sendable {
    struct Invalid: Error, Sendable { var message: String }

    /// The body as the client sent it.
    let body: Data
    let stream: Bool
    /// Whether the client asked for usage in the stream (`stream_options.include_usage`).
    let includeUsage: Bool
    let requestedModel: String?
    let params: GenerationParams
    /// The conversation, or why it cannot be one (`uncapturable`).
    let conversation: [ChatMessage]?
    let uncapturable: String?

    init(body: Data) throws(Invalid) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw Invalid(message: "the request body is not a JSON object")
        }
        guard let messages = object["messages"] as? [Any], !messages.isEmpty else {
            throw Invalid(message: "messages is required: a non-empty array")
        }
        self.body = body
        stream = object["stream"] as? Bool ?? false
        includeUsage = ((object["stream_options"] as? [String: Any])?["include_usage"] as? Bool) ?? false
        requestedModel = object["model"] as? String
        params = Self.params(object)
        switch Self.conversation(messages, object: object) {
        case .success(let turns): conversation = turns; uncapturable = nil
        case .failure(let reason): conversation = nil; uncapturable = reason.message
        }
    }

    /// The client's JSON with `model` set to `model`, nothing else changed (without usage in the
    /// stream the gateway estimates tokens, as arena does for any server that reports none).
    func upstreamBody(model: String) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return body }
        object["model"] = model
        return (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? body
    }

    private static func params(_ object: [String: Any]) -> GenerationParams {
        func double(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        var params = GenerationParams()
        params.temperature = double("temperature")
        params.topP = double("top_p")
        params.maxTokens = (object["max_completion_tokens"] as? NSNumber ?? object["max_tokens"] as? NSNumber)?.intValue
        params.seed = (object["seed"] as? NSNumber)?.intValue
        if let stop = object["stop"] as? String { params.stop = [stop] } else if let stop = object["stop"] as? [String] { params.stop = stop }
        return params
    }

    private static func conversation(_ items: [Any], object: [String: Any]) -> Result<[ChatMessage], Invalid> {
        for key in ["tools", "functions", "tool_choice", "response_format", "n"] where object[key] != nil {
            if key == "n", (object[key] as? NSNumber)?.intValue ?? 1 == 1 { continue }
            return .failure(Invalid(message: "uses \(key)"))
        }
        var turns: [ChatMessage] = []
        for item in items {
            guard let message = item as? [String: Any], let roleText = message["role"] as? String else {
                return .failure(Invalid(message: "a message has no role"))
            }
            let role: ChatMessage.Role
            switch roleText {
            case "system", "developer": role = .system
            case "user": role = .user
            case "assistant": role = .assistant
            default: return .failure(Invalid(message: "has \(roleText) messages"))
            }
            if message["tool_calls"] != nil || message["function_call"] != nil {
                return .failure(Invalid(message: "has tool calls"))
            }
            guard let content = text(of: message["content"]) else {
                return .failure(Invalid(message: "has content that is not text"))
            }
            if role == .system, turns.contains(where: { $0.role != .system }) {
                return .failure(Invalid(message: "has a system message after the first turn"))
            }
            if let last = turns.last, last.role == role {
                turns[turns.count - 1] = ChatMessage(role: role, content: last.content + "\n\n" + content)
            } else {
                turns.append(ChatMessage(role: role, content: content))
            }
        }
        guard turns.last?.role == .user else { return .failure(Invalid(message: "does not end with a user message")) }
        guard turns.first(where: { $0.role != .system })?.role == .user else {
            return .failure(Invalid(message: "does not start with a user message"))
        }
        guard !turns.contains(where: { $0.content.allSatisfy(\.isWhitespace) }) else {
            return .failure(Invalid(message: "has an empty message"))
        }
        return .success(turns)
    }

    /// A string, or the text parts of a content array joined; nil for images, audio and files.
    private static func text(of content: Any?) -> String? {
        if let string = content as? String { return string }
        guard let parts = content as? [Any] else { return nil }
        var pieces: [String] = []
        for part in parts {
            guard let part = part as? [String: Any], part["type"] as? String == "text", let text = part["text"] as? String else {
                return nil
            }
            pieces.append(text)
        }
        return pieces.joined(separator: "\n")
    }
}
