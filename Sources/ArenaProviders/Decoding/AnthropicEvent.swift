import ArenaCore

/// One Anthropic Messages stream event payload (`data:` of `message_start`, `content_block_delta`,
/// `message_delta`, …), or a whole non-streamed message. Only the fields arena uses. Internal.
///
/// Trap: `delta` means a content delta (`type`, `text`, `thinking`) in `content_block_delta` but
/// the message delta (`stop_reason`) in `message_delta`; both fit the one `Delta` shape.
struct AnthropicEvent: Decodable {
    var type: String?
    var message: AnthropicMessage?
    var contentBlock: AnthropicBlock?
    var delta: Delta?
    var usage: AnthropicUsage?
    var error: WireError?

    struct Delta: Decodable {
        var type: String?
        var text: String?
        var thinking: String?
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case type, text, thinking
            case stopReason = "stop_reason"
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, message, delta, usage, error
        case contentBlock = "content_block"
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        type = try keyed.decodeIfPresent(String.self, forKey: .type)
        message = try keyed.decodeIfPresent(AnthropicMessage.self, forKey: .message)
        contentBlock = try keyed.decodeIfPresent(AnthropicBlock.self, forKey: .contentBlock)
        delta = try keyed.decodeIfPresent(Delta.self, forKey: .delta)
        usage = try? keyed.decodeIfPresent(AnthropicUsage.self, forKey: .usage)
        error = try? keyed.decodeIfPresent(WireError.self, forKey: .error)
    }
}

/// A message (`message_start.message`, or a whole non-streamed response).
struct AnthropicMessage: Decodable {
    var content: [AnthropicBlock]?
    var stopReason: String?
    var usage: AnthropicUsage?
    /// The model that answered (a non-string reads as nil).
    var model: String?

    enum CodingKeys: String, CodingKey {
        case content, usage, model
        case stopReason = "stop_reason"
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        content = try keyed.decodeIfPresent([AnthropicBlock].self, forKey: .content)
        stopReason = try keyed.decodeIfPresent(String.self, forKey: .stopReason)
        usage = try? keyed.decodeIfPresent(AnthropicUsage.self, forKey: .usage)
        model = try? keyed.decodeIfPresent(String.self, forKey: .model)
    }
}

/// A content block: `text` carries `text`, `thinking` carries `thinking`; others are ignored.
struct AnthropicBlock: Decodable {
    var type: String?
    var text: String?
    var thinking: String?

    var events: [StreamEvent] {
        switch type {
        case "text": return text.map { $0.isEmpty ? [] : [.text($0)] } ?? []
        case "thinking": return thinking.map { $0.isEmpty ? [] : [.reasoning($0)] } ?? []
        default: return []
        }
    }
}

struct AnthropicUsage: Decodable {
    var inputTokens: Int?
    var outputTokens: Int?
    var cacheCreationInputTokens: Int?
    var cacheReadInputTokens: Int?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheCreationInputTokens = "cache_creation_input_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens"
    }
}

/// Anthropic usage arrives in pieces (input in `message_start`, cumulative output and sometimes
/// input again in `message_delta`); this keeps the latest of each field and normalises:
/// total input = `input_tokens` + cache reads + cache writes, cached = cache reads.
struct AnthropicUsageTally: Sendable, Equatable {
    private var input: Int?
    private var cacheRead: Int?
    private var cacheCreation: Int?

    /// Folds `usage` in; returns what changed as a `TokenUsage`, nil if nothing did.
    /// `includeOutput` is false for `message_start`, whose `output_tokens` is a placeholder.
    mutating func absorb(_ usage: AnthropicUsage, includeOutput: Bool) -> TokenUsage? {
        input = usage.inputTokens ?? input
        cacheRead = usage.cacheReadInputTokens ?? cacheRead
        cacheCreation = usage.cacheCreationInputTokens ?? cacheCreation
        let inputChanged = usage.inputTokens != nil || usage.cacheReadInputTokens != nil
            || usage.cacheCreationInputTokens != nil
        let output = includeOutput ? usage.outputTokens : nil
        guard inputChanged || output != nil else { return nil }
        return TokenUsage(inputTokens: inputChanged ? (input ?? 0) + (cacheRead ?? 0) + (cacheCreation ?? 0) : nil,
                          outputTokens: output,
                          cachedInputTokens: inputChanged ? cacheRead : nil)
    }
}
