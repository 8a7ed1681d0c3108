import ArenaCore
import Foundation

extension BattleRow {
    init(_ battle: Battle) {
        self.init(id: battle.id.uuidString, created_at: battle.createdAt.timeIntervalSince1970, mode: battle.mode,
                  blind: battle.blind, system_prompt: battle.systemPrompt, seat_count: battle.seats.count,
                  suite: battle.origin?.suite, prompt_id: battle.origin?.promptID, repeat_index: battle.origin?.repeatIndex)
    }
}

extension LeakRow {
    /// The rows of a battle's identity words, in order. Empty words are not stored (the schema
    /// refuses them; the comma-joined column they replace could not hold them either).
    static func rows(battleID: String, words: [String]) -> [LeakRow] {
        words.filter { !$0.isEmpty }.enumerated().map { LeakRow(battle_id: battleID, word_index: $0.offset, word: $0.element) }
    }

    /// (battle id, word) pairs in battle order → one list per battle, in that order.
    static func grouped(_ pairs: [(battleID: String, word: String)]) -> [[String]] {
        var lists: [[String]] = []
        var current: String?
        for pair in pairs {
            if pair.battleID != current {
                lists.append([])
                current = pair.battleID
            }
            lists[lists.count - 1].append(pair.word)
        }
        return lists
    }

    /// Each battle's words, in order, by battle id.
    static func words(_ rows: [LeakRow]) -> [String: [String]] {
        Dictionary(grouping: rows, by: \.battle_id).mapValues { $0.sorted { $0.word_index < $1.word_index }.map(\.word) }
    }
}

extension SeatRow {
    init(_ seat: Seat, battleID: String) {
        self.init(battle_id: battleID, seat_index: seat.index, model_name: seat.model.name,
                  provider: seat.model.provider, model_id: seat.model.model,
                  base_url: seat.model.baseURL.absoluteString)
    }

    /// The seat as stored. Parameters, prices and keys are not part of a battle's record.
    func seat() throws(StoreError) -> Seat {
        guard let url = URL(string: base_url) else { throw StoreError.unknownValue(base_url, column: "seat.base_url") }
        let model = ModelConfig(name: model_name, provider: provider, baseURL: url, model: model_id)
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
                  reasoning: answer.reasoning, finish_reason: answer.finishReason,
                  error_kind: answer.error?.kind, error_message: answer.error?.message,
                  error_status: answer.error?.status, ttft_ms: metrics.ttftMs, duration_ms: metrics.durationMs,
                  input_tokens: metrics.inputTokens, output_tokens: metrics.outputTokens,
                  reasoning_tokens: metrics.reasoningTokens, tokens_estimated: metrics.tokensEstimated,
                  cost_usd: metrics.costUSD, served_model: answer.served?.model, served_fingerprint: answer.served?.fingerprint)
    }

    func answer() -> Answer {
        let error = error_kind.map { ProviderError($0, error_message ?? "", status: error_status) }
        return Answer(seatIndex: seat_index, text: text, reasoning: reasoning, finishReason: finish_reason, error: error,
                      metrics: AnswerMetrics(ttftMs: ttft_ms, durationMs: duration_ms, inputTokens: input_tokens,
                                             outputTokens: output_tokens, reasoningTokens: reasoning_tokens,
                                             tokensEstimated: tokens_estimated, costUSD: cost_usd),
                      served: served_model == nil && served_fingerprint == nil
                          ? nil : ServedModel(model: served_model, fingerprint: served_fingerprint))
    }
}

extension VerdictRow {
    init(_ record: VerdictRecord) {
        let outcome: VerdictOutcome
        var winner: Int?
        var ranking: String?
        switch record.verdict {
        case .seat(let index): outcome = .seat; winner = index
        case .ranking(let order): outcome = .rank; ranking = order.code
        case .tie: outcome = .tie
        case .bothBad: outcome = .bad
        case .skip: outcome = .skip
        }
        self.init(battle_id: record.battleID.uuidString, turn_index: record.turnIndex, outcome: outcome,
                  winner_seat: winner, rater: record.rater, created_at: record.createdAt.timeIntervalSince1970,
                  blind: record.blind, ranking: ranking)
    }

    /// The verdict this row records; `seatCount` is the battle's (a ranking needs it to know
    /// which seats it leaves unranked).
    func record(seatCount: Int) throws(StoreError) -> VerdictRecord {
        guard let id = UUID(uuidString: battle_id) else { throw StoreError.unknownValue(battle_id, column: "verdict.battle_id") }
        let verdict: Verdict
        switch (outcome, winner_seat) {
        case (.seat, let winner?): verdict = .seat(winner)
        case (.rank, nil):
            guard let code = ranking, let parsed = Verdict(code: code, seatCount: seatCount), case .ranking = parsed else {
                throw StoreError.unknownValue(ranking ?? "no ranking", column: "verdict.ranking")
            }
            verdict = parsed
        case (.tie, nil): verdict = .tie
        case (.bad, nil): verdict = .bothBad
        case (.skip, nil): verdict = .skip
        default:
            // The schema's CHECK forbids these; a row written around it is refused, not guessed at.
            throw StoreError.unknownValue(outcome.rawValue + (winner_seat.map { " (seat \($0))" } ?? ""),
                                          column: "verdict.outcome")
        }
        return VerdictRecord(battleID: id, turnIndex: turn_index, verdict: verdict, rater: rater,
                             createdAt: Date(timeIntervalSince1970: created_at), blind: blind)
    }
}
