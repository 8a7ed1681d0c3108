import ArenaCore
import Foundation

extension BattleRow {
    /// `leakedWords` defaults to scanning the battle's answers (costly: pass them when known).
    init(_ battle: Battle, leakedWords: [String]? = nil) {
        self.init(id: battle.id.uuidString, created_at: battle.createdAt.timeIntervalSince1970,
                  mode: battle.mode.rawValue, blind: battle.blind, system_prompt: battle.systemPrompt,
                  seat_count: battle.seats.count, leaked_words: (leakedWords ?? battle.leakedWords).joined(separator: ","),
                  suite: battle.origin?.suite, prompt_id: battle.origin?.promptID, repeat_index: battle.origin?.repeatIndex)
    }
}

extension SeatRow {
    init(_ seat: Seat, battleID: String) {
        self.init(battle_id: battleID, seat_index: seat.index, model_name: seat.model.name,
                  provider: seat.model.provider.rawValue, model_id: seat.model.model,
                  base_url: seat.model.baseURL.absoluteString)
    }

    /// The seat as stored. Parameters, prices and keys are not part of a battle's record.
    func seat() throws(StoreError) -> Seat {
        guard let url = URL(string: base_url) else { throw StoreError.unknownValue(base_url, column: "seat.base_url") }
        let model = ModelConfig(name: model_name, provider: try StoredEnum.decode(provider, column: "seat.provider"),
                                baseURL: url, model: model_id)
        return Seat(index: seat_index, model: model)
    }
}

extension TurnRow {
    init(_ turn: BattleTurn, battleID: String) {
        self.init(battle_id: battleID, turn_index: turn.index, prompt: turn.prompt,
                  created_at: turn.createdAt.timeIntervalSince1970)
    }
}

extension AnswerRow {
    init(_ answer: Answer, battleID: String, turn: Int) {
        let metrics = answer.metrics
        self.init(battle_id: battleID, turn_index: turn, seat_index: answer.seatIndex, text: answer.text,
                  reasoning: answer.reasoning, finish_reason: answer.finishReason.rawValue,
                  error_kind: answer.error?.kind.rawValue, error_message: answer.error?.message,
                  error_status: answer.error?.status, ttft_ms: metrics.ttftMs, duration_ms: metrics.durationMs,
                  input_tokens: metrics.inputTokens, output_tokens: metrics.outputTokens,
                  reasoning_tokens: metrics.reasoningTokens, tokens_estimated: metrics.tokensEstimated,
                  cost_usd: metrics.costUSD)
    }

    func answer() throws(StoreError) -> Answer {
        var error: ProviderError?
        if let error_kind {
            error = ProviderError(try StoredEnum.decode(error_kind, column: "answer.error_kind"), error_message ?? "",
                                  status: error_status)
        }
        return Answer(seatIndex: seat_index, text: text, reasoning: reasoning,
                      finishReason: try StoredEnum.decode(finish_reason, column: "answer.finish_reason"), error: error,
                      metrics: AnswerMetrics(ttftMs: ttft_ms, durationMs: duration_ms, inputTokens: input_tokens,
                                             outputTokens: output_tokens, reasoningTokens: reasoning_tokens,
                                             tokensEstimated: tokens_estimated, costUSD: cost_usd))
    }
}

extension VerdictRow {
    init(_ record: VerdictRecord) {
        let outcome: String
        var winner: Int?
        switch record.verdict {
        case .seat(let index): outcome = "seat"; winner = index
        case .tie: outcome = "tie"
        case .bothBad: outcome = "bad"
        case .skip: outcome = "skip"
        }
        self.init(battle_id: record.battleID.uuidString, turn_index: record.turnIndex, outcome: outcome,
                  winner_seat: winner, rater: record.rater, created_at: record.createdAt.timeIntervalSince1970,
                  blind: record.blind)
    }

    func record() throws(StoreError) -> VerdictRecord {
        guard let id = UUID(uuidString: battle_id) else { throw StoreError.unknownValue(battle_id, column: "verdict.battle_id") }
        let verdict: Verdict
        switch (outcome, winner_seat) {
        case ("seat", let winner?): verdict = .seat(winner)
        case ("tie", nil): verdict = .tie
        case ("bad", nil): verdict = .bothBad
        case ("skip", nil): verdict = .skip
        default: throw StoreError.unknownValue(outcome + (winner_seat.map { " (seat \($0))" } ?? ""), column: "verdict.outcome")
        }
        return VerdictRecord(battleID: id, turnIndex: turn_index, verdict: verdict, rater: rater,
                             createdAt: Date(timeIntervalSince1970: created_at), blind: blind)
    }
}
