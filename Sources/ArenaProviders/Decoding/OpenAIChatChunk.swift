import ArenaCore

/// One `chat.completion.chunk` (streamed) or `chat.completion` (whole) as the decoder reads it.
/// Only the fields arena uses; unknown fields are ignored. Internal.
///
/// Traps: `delta` (stream) and `message` (whole response) share the `Message` shape; usage may sit
/// in `usage` or in Groq's `x_groq.usage`; a vLLM-style flat error is `{"object":"error","message"}`.
struct OpenAIChatChunk: Decodable {
    var choices: [Choice]?
    var usage: OpenAIUsage?
    var xGroq: Groq?
    var error: WireError?
    var object: String?
    var message: String?
    var type: String?
    var code: String?
    /// The model the server says answered, and its `system_fingerprint` (non-strings read as nil).
    var model: String?
    var systemFingerprint: String?

    struct Choice: Decodable {
        var index: Int?
        var delta: Message?
        var message: Message?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable {
        var content: OpenAIContent?
        var reasoningContent: String?
        var reasoning: String?

        enum CodingKeys: String, CodingKey {
            case content, reasoning
            case reasoningContent = "reasoning_content"
        }

        /// Reasoning first (it precedes the answer), then text; empty pieces dropped.
        /// `reasoning_content` and `reasoning` are both read; a server that fills both with the
        /// same text is not doubled.
        func events() -> [StreamEvent] {
            var events: [StreamEvent] = []
            appendEvents(to: &events)
            return events
        }

        /// `events()`, appended where they go (no array per chunk on the streaming path).
        func appendEvents(to events: inout [StreamEvent]) {
            if let reasoningContent, !reasoningContent.isEmpty { events.append(.reasoning(reasoningContent)) }
            if let reasoning, !reasoning.isEmpty, reasoning != reasoningContent { events.append(.reasoning(reasoning)) }
            if let thinking = content?.thinking, !thinking.isEmpty { events.append(.reasoning(thinking)) }
            if let text = content?.text, !text.isEmpty { events.append(.text(text)) }
        }
    }

    struct Groq: Decodable {
        var usage: OpenAIUsage?
    }

    enum CodingKeys: String, CodingKey {
        case choices, usage, error, object, message, type, code, model
        case xGroq = "x_groq"
        case systemFingerprint = "system_fingerprint"
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        choices = try keyed.decodeIfPresent([Choice].self, forKey: .choices)
        usage = try? keyed.decodeIfPresent(OpenAIUsage.self, forKey: .usage)
        xGroq = try? keyed.decodeIfPresent(Groq.self, forKey: .xGroq)
        error = try? keyed.decodeIfPresent(WireError.self, forKey: .error)
        object = try? keyed.decodeIfPresent(String.self, forKey: .object)
        message = try? keyed.decodeIfPresent(String.self, forKey: .message)
        type = try? keyed.decodeIfPresent(String.self, forKey: .type)
        code = try? keyed.decodeIfPresent(String.self, forKey: .code)
        model = try? keyed.decodeIfPresent(String.self, forKey: .model)
        systemFingerprint = try? keyed.decodeIfPresent(String.self, forKey: .systemFingerprint)
    }

    /// The choice arena shows: index 0 (or the first listed).
    var primaryChoice: Choice? {
        choices.flatMap { choices in Self.primaryIndex(in: choices).map { choices[$0] } }
    }

    /// Where `primaryChoice` is in `choices`; nil when there is none.
    static func primaryIndex(in choices: [Choice]) -> Int? {
        guard !choices.isEmpty else { return nil }
        return choices.firstIndex { ($0.index ?? 0) == 0 } ?? 0
    }

    /// A truthy top-level `error`, or a vLLM-style flat error object.
    var failure: WireError? {
        if let error, error.isTruthy { return error }
        if object == "error" { return WireError(message: message, type: type, code: code) }
        return nil
    }

    /// `usage`, else Groq's `x_groq.usage`, normalised.
    var tokenUsage: TokenUsage? {
        (usage ?? xGroq?.usage)?.normalised
    }
}

/// `delta.content` / `message.content`: a string, or (Mistral reasoning models) an array of parts
/// `{"type":"text","text"}` / `{"type":"thinking","thinking":[{"type":"text","text"}]}`.
struct OpenAIContent: Decodable {
    var text = ""
    var thinking = ""

    private struct Part: Decodable {
        var type: String?
        var text: String?
        var thinking: [Part]?
    }

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let string = try? single.decode(String.self) {
            text = string
            return
        }
        let parts = try single.decode([Part].self)
        for part in parts {
            if part.type == "thinking" {
                thinking += (part.thinking ?? []).compactMap(\.text).joined()
            } else if let piece = part.text {
                text += piece
            }
        }
    }
}

/// OpenAI-style usage, with the DeepSeek and Groq variants.
struct OpenAIUsage: Decodable {
    var promptTokens: Int?
    var completionTokens: Int?
    var promptTokensDetails: PromptDetails?
    var completionTokensDetails: CompletionDetails?
    var promptCacheHitTokens: Int?
    var promptCacheMissTokens: Int?

    struct PromptDetails: Decodable {
        var cachedTokens: Int?
        enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
    }

    struct CompletionDetails: Decodable {
        var reasoningTokens: Int?
        enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case promptTokensDetails = "prompt_tokens_details"
        case completionTokensDetails = "completion_tokens_details"
        case promptCacheHitTokens = "prompt_cache_hit_tokens"
        case promptCacheMissTokens = "prompt_cache_miss_tokens"
    }

    /// providers.md §1: `prompt_tokens` already includes cached tokens and `completion_tokens`
    /// includes reasoning tokens, as `TokenUsage` wants. DeepSeek: cached = cache-hit tokens, and
    /// hit + miss stands in for a missing `prompt_tokens`.
    var normalised: TokenUsage {
        var input = promptTokens
        if input == nil, let hit = promptCacheHitTokens, let miss = promptCacheMissTokens { input = hit + miss }
        return TokenUsage(inputTokens: input,
                          outputTokens: completionTokens,
                          cachedInputTokens: promptTokensDetails?.cachedTokens ?? promptCacheHitTokens,
                          reasoningTokens: completionTokensDetails?.reasoningTokens)
    }
}
