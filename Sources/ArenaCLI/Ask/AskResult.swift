import ArenaCore
import Foundation

/// The single JSON object `arena ask --json` prints.
struct AskResult: Encodable {
    struct SeatResult: Encodable {
        var label: String
        var model: String
        var text: String
        var reasoning: String
        var finish_reason: String
        var error: ErrorResult?
        var ttft_ms: Double?
        var duration_ms: Double?
        var input_tokens: Int?
        var output_tokens: Int?
        var tokens_estimated: Bool
        var tokens_per_second: Double?
        var cost_usd: Double?
        /// What the server said answered, and its fingerprint (null when it said nothing).
        var resolved_model: String?
        var fingerprint: String?

        /// Absent values are written as `null`, never left out: scripts can rely on every key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(model, forKey: .model)
            try container.encode(text, forKey: .text)
            try container.encode(reasoning, forKey: .reasoning)
            try container.encode(finish_reason, forKey: .finish_reason)
            try container.encode(error, forKey: .error)
            try container.encode(ttft_ms, forKey: .ttft_ms)
            try container.encode(duration_ms, forKey: .duration_ms)
            try container.encode(input_tokens, forKey: .input_tokens)
            try container.encode(output_tokens, forKey: .output_tokens)
            try container.encode(tokens_estimated, forKey: .tokens_estimated)
            try container.encode(tokens_per_second, forKey: .tokens_per_second)
            try container.encode(cost_usd, forKey: .cost_usd)
            try container.encode(resolved_model, forKey: .resolved_model)
            try container.encode(fingerprint, forKey: .fingerprint)
        }

        enum CodingKeys: String, CodingKey {
            case label, model, text, reasoning, finish_reason, error, ttft_ms, duration_ms, input_tokens,
                 output_tokens, tokens_estimated, tokens_per_second, cost_usd, resolved_model, fingerprint
        }
    }

    struct ErrorResult: Encodable {
        var kind: String
        var message: String
        var status: Int?
    }

    var battle_id: String
    var prompt: String
    var verdict: String?
    var leaked_words: [String]
    var seats: [SeatResult]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(battle_id, forKey: .battle_id)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(leaked_words, forKey: .leaked_words)
        try container.encode(seats, forKey: .seats)
    }

    enum CodingKeys: String, CodingKey { case battle_id, prompt, verdict, leaked_words, seats }

    /// `leakedWords` is `battle.leakedWords`, computed once by the caller (the scan reads every
    /// answer) and shared with the reveal message.
    init(battle: Battle, prompt: String, answers: [Answer], verdict: Verdict?, leakedWords: [String]) {
        battle_id = battle.id.uuidString.lowercased()
        self.prompt = prompt
        self.verdict = verdict?.code
        leaked_words = leakedWords
        seats = answers.map { answer in
            let metrics = answer.metrics
            return SeatResult(label: SeatLabels.label(for: answer.seatIndex), model: battle.seats[answer.seatIndex].model.name,
                              text: answer.text, reasoning: answer.reasoning, finish_reason: answer.finishReason.rawValue,
                              error: answer.error.map { ErrorResult(kind: $0.kind.rawValue, message: $0.message, status: $0.status) },
                              ttft_ms: metrics.ttftMs, duration_ms: metrics.durationMs, input_tokens: metrics.inputTokens,
                              output_tokens: metrics.outputTokens, tokens_estimated: metrics.tokensEstimated,
                              tokens_per_second: metrics.tokensPerSecond, cost_usd: metrics.costUSD,
                              resolved_model: answer.served?.model, fingerprint: answer.served?.fingerprint)
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
