import ArenaCore
import Foundation

/// Writes what a non-OpenAI primary (Anthropic, Gemini, Ollama) said as OpenAI chat completion
/// chunks, so the app sees one format whatever serves it.
///
/// ```swift
/// var encoder = OpenAIChunkEncoder(model: "claude-haiku", includeUsage: true)
/// for event in events { body += encoder.encode(event) }    // "data: {…}\n\n" lines, then "data: [DONE]\n\n"
/// let whole = OpenAIChunkEncoder.completion(answer, model: "claude-haiku")   // non-streamed
/// ```
///
/// Traps: the first chunk carries `role: assistant`; a failure mid-stream is an `error` event
/// (OpenAI's shape) followed by `[DONE]`, since the status line has already gone.
struct OpenAIChunkEncoder {
    let id: String
    let model: String
    let created: Int
    let includeUsage: Bool
    private var sentRole = false
    private var usage: TokenUsage?

    init(model: String, includeUsage: Bool, id: String = "chatcmpl-arena-\(UUID().uuidString.lowercased())",
         created: Int = Int(Date().timeIntervalSince1970)) {
        self.model = model
        self.includeUsage = includeUsage
        self.id = id
        self.created = created
    }

    struct Delta: Encodable {
        var role: String?
        var content: String?
        var reasoning_content: String?
    }
    struct Choice: Encodable {
        var index = 0
        var delta: Delta
        var finish_reason: String?
    }
    struct Usage: Encodable {
        var prompt_tokens: Int
        var completion_tokens: Int
        var total_tokens: Int
    }
    struct Chunk: Encodable {
        var id: String
        var object = "chat.completion.chunk"
        var created: Int
        var model: String
        var choices: [Choice]
        var usage: Usage?
    }
    struct ErrorBody: Encodable {
        struct Detail: Encodable { var message: String; var type: String; var code: String? }
        var error: Detail
    }

    mutating func encode(_ event: StreamEvent) -> String {
        switch event {
        case .text(let text): return chunk(Delta(content: text))
        case .reasoning(let text): return chunk(Delta(reasoning_content: text))
        case .usage(let reported): usage = usage.map { $0.merged(with: reported) } ?? reported; return ""
        case .served, .retrying: return ""
        case .finished(let reason):
            var text = chunk(Delta(), finish: Self.wireFinish(reason))
            if includeUsage, let usage {
                let input = usage.inputTokens ?? 0, output = usage.outputTokens ?? 0
                text += Self.line(Chunk(id: id, created: created, model: model, choices: [],
                                        usage: Usage(prompt_tokens: input, completion_tokens: output, total_tokens: input + output)))
            }
            return text + "data: [DONE]\n\n"
        case .failed(let error):
            return Self.line(Self.errorBody(error)) + "data: [DONE]\n\n"
        }
    }

    private mutating func chunk(_ delta: Delta, finish: String? = nil) -> String {
        var delta = delta
        if !sentRole { delta.role = "assistant"; sentRole = true }
        return Self.line(Chunk(id: id, created: created, model: model, choices: [Choice(delta: delta, finish_reason: finish)]))
    }

    static func wireFinish(_ reason: FinishReason) -> String {
        switch reason {
        case .stop, .truncated, .cancelled, .error: "stop"
        case .length: "length"
        case .contentFilter: "content_filter"
        case .toolCalls: "tool_calls"
        }
    }

    static func errorBody(_ error: ProviderError) -> ErrorBody {
        ErrorBody(error: .init(message: error.message, type: "upstream_\(error.kind.rawValue)", code: error.status.map(String.init)))
    }

    static func errorJSON(message: String, type: String, code: String? = nil) -> Data {
        json(ErrorBody(error: .init(message: message, type: type, code: code)))
    }

    /// A whole `chat.completion` for a client that did not ask for a stream.
    static func completion(_ answer: Answer, model: String, id: String = "chatcmpl-arena-\(UUID().uuidString.lowercased())",
                           created: Int = Int(Date().timeIntervalSince1970)) -> Data {
        struct Message: Encodable { var role = "assistant"; var content: String; var reasoning_content: String? }
        struct WholeChoice: Encodable { var index = 0; var message: Message; var finish_reason: String }
        struct Completion: Encodable {
            var id: String
            var object = "chat.completion"
            var created: Int
            var model: String
            var choices: [WholeChoice]
            var usage: Usage
        }
        let input = answer.metrics.inputTokens ?? 0, output = answer.metrics.outputTokens ?? 0
        return json(Completion(id: id, created: created, model: model,
                               choices: [WholeChoice(message: Message(content: answer.text,
                                                                      reasoning_content: answer.reasoning.isEmpty ? nil : answer.reasoning),
                                                     finish_reason: wireFinish(answer.finishReason))],
                               usage: Usage(prompt_tokens: input, completion_tokens: output, total_tokens: input + output)))
    }

    private static func line(_ value: some Encodable) -> String {
        "data: " + String(decoding: json(value), as: UTF8.self) + "\n\n"
    }

    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
