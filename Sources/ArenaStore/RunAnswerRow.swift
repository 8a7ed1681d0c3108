import ArenaCore
import Foundation
import GRDB

struct RunAnswerRow: StoredRecord {
    static let databaseTableName = "run_answer"
    static let enumColumns: [String: any StoredEnumeration.Type] = ["provider": ProviderKind.self, "finish_reason": FinishReason.self,
                                                                     "error_kind": ProviderError.Kind.self]
    var suite: String
    var prompt_id: String
    var repeat_index: Int
    var model_name: String
    var provider: ProviderKind
    var model_id: String
    var prompt_fingerprint: String
    var conversation: String
    var text: String
    var reasoning: String
    var finish_reason: FinishReason
    var error_kind: ProviderError.Kind?
    var error_message: String?
    var error_status: Int?
    var ttft_ms: Double?
    var duration_ms: Double?
    var input_tokens: Int?
    var output_tokens: Int?
    var reasoning_tokens: Int?
    var tokens_estimated: Bool
    var cost_usd: Double?
    var created_at: Double
    /// What the server said answered (v10).
    var served_model: String? = nil
    var served_fingerprint: String? = nil
}

/// One stored answer of a batch run.
public struct RunAnswer: Sendable, Equatable {
    public struct Key: Sendable, Hashable {
        public var suite: String
        public var promptID: String
        public var repeatIndex: Int
        public var model: String

        public init(suite: String, promptID: String, repeatIndex: Int, model: String) {
            self.suite = suite
            self.promptID = promptID
            self.repeatIndex = repeatIndex
            self.model = model
        }
    }

    public var key: Key
    public var provider: ProviderKind
    public var modelID: String
    /// Identifies the exact request (conversation, system prompt, parameters): a suite edit changes it.
    public var promptFingerprint: String
    public var conversation: [ChatMessage]
    public var answer: Answer
    public var createdAt: Date

    public init(key: Key, provider: ProviderKind, modelID: String, promptFingerprint: String,
                conversation: [ChatMessage], answer: Answer, createdAt: Date) {
        self.key = key
        self.provider = provider
        self.modelID = modelID
        self.promptFingerprint = promptFingerprint
        self.conversation = conversation
        self.answer = answer
        self.createdAt = createdAt
    }

    /// A failed request is a failure, not an answer.
    public var isFailure: Bool { answer.error != nil || answer.finishReason == .cancelled }
}

extension RunAnswerRow {
    init(_ run: RunAnswer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let conversation = (try? encoder.encode(run.conversation)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        let answer = AnswerRow(run.answer, battleID: "", turn: 0)
        self.init(suite: run.key.suite, prompt_id: run.key.promptID, repeat_index: run.key.repeatIndex,
                  model_name: run.key.model, provider: run.provider, model_id: run.modelID,
                  prompt_fingerprint: run.promptFingerprint, conversation: conversation, text: answer.text,
                  reasoning: answer.reasoning, finish_reason: answer.finish_reason, error_kind: answer.error_kind,
                  error_message: answer.error_message, error_status: answer.error_status, ttft_ms: answer.ttft_ms,
                  duration_ms: answer.duration_ms, input_tokens: answer.input_tokens, output_tokens: answer.output_tokens,
                  reasoning_tokens: answer.reasoning_tokens, tokens_estimated: answer.tokens_estimated,
                  cost_usd: answer.cost_usd, created_at: run.createdAt.timeIntervalSince1970,
                  served_model: answer.served_model, served_fingerprint: answer.served_fingerprint)
    }

    func run() throws(StoreError) -> RunAnswer {
        let answer = AnswerRow(battle_id: "", turn_index: 0, seat_index: 0, text: text, reasoning: reasoning,
                               finish_reason: finish_reason, error_kind: error_kind, error_message: error_message,
                               error_status: error_status, ttft_ms: ttft_ms, duration_ms: duration_ms,
                               input_tokens: input_tokens, output_tokens: output_tokens, reasoning_tokens: reasoning_tokens,
                               tokens_estimated: tokens_estimated, cost_usd: cost_usd,
                               served_model: served_model, served_fingerprint: served_fingerprint).answer()
        guard let messages = try? JSONDecoder().decode([ChatMessage].self, from: Data(conversation.utf8)) else {
            throw StoreError.unknownValue(String(conversation.prefix(40)), column: "run_answer.conversation")
        }
        return RunAnswer(key: .init(suite: suite, promptID: prompt_id, repeatIndex: repeat_index, model: model_name),
                         provider: provider, modelID: model_id,
                         promptFingerprint: prompt_fingerprint, conversation: messages, answer: answer,
                         createdAt: Date(timeIntervalSince1970: created_at))
    }
}
