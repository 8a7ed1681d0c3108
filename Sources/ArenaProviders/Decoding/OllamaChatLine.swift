import ArenaCore

/// One line of Ollama's `/api/chat` NDJSON stream, or its whole non-streamed answer. Internal.
///
/// Traps: the `done: true` line may itself carry text; metric fields may be missing;
/// `{"error":"…"}` is a failure line.
struct OllamaChatLine: Decodable {
    var message: Message?
    var done: Bool?
    var doneReason: String?
    var promptEvalCount: Int?
    var evalCount: Int?
    var error: WireError?
    /// The model that answered (a non-string reads as nil).
    var model: String?

    struct Message: Decodable {
        var content: String?
        var thinking: String?
    }

    enum CodingKeys: String, CodingKey {
        case message, done, error, model
        case doneReason = "done_reason"
        case promptEvalCount = "prompt_eval_count"
        case evalCount = "eval_count"
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        message = try keyed.decodeIfPresent(Message.self, forKey: .message)
        done = try? keyed.decodeIfPresent(Bool.self, forKey: .done)
        doneReason = try? keyed.decodeIfPresent(String.self, forKey: .doneReason)
        promptEvalCount = try? keyed.decodeIfPresent(Int.self, forKey: .promptEvalCount)
        evalCount = try? keyed.decodeIfPresent(Int.self, forKey: .evalCount)
        error = try? keyed.decodeIfPresent(WireError.self, forKey: .error)
        model = try? keyed.decodeIfPresent(String.self, forKey: .model)
    }

    /// Reasoning then text of this line, empty pieces dropped.
    var contentEvents: [StreamEvent] {
        var events: [StreamEvent] = []
        if let thinking = message?.thinking, !thinking.isEmpty { events.append(.reasoning(thinking)) }
        if let content = message?.content, !content.isEmpty { events.append(.text(content)) }
        return events
    }

    /// `prompt_eval_count` / `eval_count` (Ollama does not split out thinking tokens).
    var usage: TokenUsage? {
        guard promptEvalCount != nil || evalCount != nil else { return nil }
        return TokenUsage(inputTokens: promptEvalCount, outputTokens: evalCount)
    }

    var finishReason: FinishReason { FinishReason(wire: doneReason ?? "stop") }
}
