import ArenaCore

/// One Gemini `GenerateContentResponse`: a streamed `data:` event or a whole
/// `:generateContent` body. Only the fields arena uses. Internal.
///
/// Traps: only `candidates[0]` is read (more candidates are alternative answers, not parts of
/// one); parts with `thought: true` are reasoning; a part may carry only a `thoughtSignature`.
struct GeminiResponse: Decodable {
    var candidates: [Candidate]?
    var usageMetadata: GeminiUsage?
    var promptFeedback: PromptFeedback?
    var error: WireError?
    /// The model version that answered (`modelVersion`; a non-string reads as nil).
    var modelVersion: String?

    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
    }

    struct Content: Decodable {
        var parts: [Part]?
    }

    struct Part: Decodable {
        var text: String?
        var thought: Bool?
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
        var blockReasonMessage: String?
    }

    enum CodingKeys: String, CodingKey {
        case candidates, usageMetadata, promptFeedback, error, modelVersion
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        candidates = try keyed.decodeIfPresent([Candidate].self, forKey: .candidates)
        usageMetadata = try? keyed.decodeIfPresent(GeminiUsage.self, forKey: .usageMetadata)
        promptFeedback = try? keyed.decodeIfPresent(PromptFeedback.self, forKey: .promptFeedback)
        error = try? keyed.decodeIfPresent(WireError.self, forKey: .error)
        modelVersion = try? keyed.decodeIfPresent(String.self, forKey: .modelVersion)
    }

    /// Reasoning and text of the first candidate, in part order; empty parts dropped.
    var contentEvents: [StreamEvent] {
        (candidates?.first?.content?.parts ?? []).compactMap { part in
            guard let text = part.text, !text.isEmpty else { return nil }
            return part.thought == true ? .reasoning(text) : .text(text)
        }
    }

    /// A prompt blocked before any candidate: the failure to report, else nil.
    var blockedPrompt: StreamEvent? {
        guard (candidates ?? []).isEmpty, let reason = promptFeedback?.blockReason else { return nil }
        let detail = promptFeedback?.blockReasonMessage.map { ": " + $0 } ?? ""
        return .failed(ProviderError(.streamError, ServerMessage.oneLine("Gemini blocked the prompt (\(reason))\(detail).")))
    }
}

/// Gemini `usageMetadata`, running totals in every chunk.
struct GeminiUsage: Decodable {
    var promptTokenCount: Int?
    var candidatesTokenCount: Int?
    var thoughtsTokenCount: Int?
    var cachedContentTokenCount: Int?

    /// providers.md §1: `promptTokenCount` includes cached tokens; `candidatesTokenCount` excludes
    /// thoughts, so output = candidates + thoughts and reasoning = thoughts.
    var normalised: TokenUsage {
        let output: Int? = candidatesTokenCount == nil && thoughtsTokenCount == nil
            ? nil : (candidatesTokenCount ?? 0) + (thoughtsTokenCount ?? 0)
        return TokenUsage(inputTokens: promptTokenCount, outputTokens: output,
                          cachedInputTokens: cachedContentTokenCount, reasoningTokens: thoughtsTokenCount)
    }
}
