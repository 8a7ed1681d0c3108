import Foundation

/// arena's native export: one whole battle per JSON line (`arena export --format arena-jsonl`),
/// with its seats, models, every turn's answers and metrics, and each turn's verdict — a ranking
/// of 3–8 seats included — so `arena import` can carry battles between stores unchanged.
///
/// ```json
/// {"format":"arena-battle/1","id":"…","created_at":1700000000.5,"mode":"screen","blind":true,
///  "system_prompt":null,"origin":null,"leaked_words":[],
///  "seats":[{"seat":"A","model":"smol","provider":"openai","model_id":"smollm2","base_url":"http://127.0.0.1:8080/v1"}, …],
///  "turns":[{"index":0,"prompt":"…","created_at":…,
///            "answers":[{"seat":"A","text":"…","reasoning":"","finish_reason":"stop","error":null,"ttft_ms":120, …}, …],
///            "verdict":{"verdict":"C>A=D>B","rater":"ann","created_at":…,"blind":true}}]}
/// ```
///
/// The battle keeps its id, so importing the same file twice adds nothing. Keys are never
/// exported (the seats carry the model's name, provider, id and base URL only).
/// Traps: a line is recognised by its `format` value, so it must stay `arena-battle/1` until the
/// shape changes; a new shape gets a new version and a reader for both.
public struct BattleLine: Codable, Sendable, Equatable {
    public static let format = "arena-battle/1"

    public struct SeatLine: Codable, Sendable, Equatable {
        var seat: String
        var model: String
        var provider: ProviderKind
        var model_id: String
        var base_url: String
    }

    public struct ErrorLine: Codable, Sendable, Equatable {
        var kind: ProviderError.Kind
        var message: String
        var status: Int?
    }

    public struct AnswerLine: Codable, Sendable, Equatable {
        var seat: String
        var text: String
        var reasoning: String
        var finish_reason: FinishReason
        var error: ErrorLine?
        var ttft_ms: Double?
        var duration_ms: Double?
        var input_tokens: Int?
        var output_tokens: Int?
        var reasoning_tokens: Int?
        var tokens_estimated: Bool
        var cost_usd: Double?
        /// What the server said answered (absent when it said nothing).
        var served_model: String? = nil
        var served_fingerprint: String? = nil
    }

    public struct VerdictLine: Codable, Sendable, Equatable {
        /// `Verdict.code`: `A`, `C>A=D>B`, `tie`, `bad` or `skip`.
        var verdict: String
        var rater: String
        var created_at: Double
        var blind: Bool
    }

    public struct TurnLine: Codable, Sendable, Equatable {
        var index: Int
        var prompt: String
        var created_at: Double
        var answers: [AnswerLine]
        var verdict: VerdictLine?
    }

    public struct OriginLine: Codable, Sendable, Equatable {
        var suite: String
        var prompt_id: String
        var repeat_index: Int
    }

    var format: String
    var id: String
    var created_at: Double
    var mode: BattleMode
    var blind: Bool
    var system_prompt: String?
    var origin: OriginLine?
    var leaked_words: [String]
    var seats: [SeatLine]
    var turns: [TurnLine]

    /// The battle as exported; `redactPrompts` replaces every prompt and the system prompt with
    /// `BattleExporter.redacted` (answers stay).
    public init(_ stored: StoredBattle, redactPrompts: Bool = false) {
        let battle = stored.battle
        format = Self.format
        id = battle.id.uuidString.lowercased()
        created_at = battle.createdAt.timeIntervalSince1970
        mode = battle.mode
        blind = battle.blind
        system_prompt = battle.systemPrompt.map { redactPrompts ? BattleExporter.redacted : $0 }
        origin = battle.origin.map { OriginLine(suite: $0.suite, prompt_id: $0.promptID, repeat_index: $0.repeatIndex) }
        leaked_words = stored.leakedWords
        seats = battle.seats.map { seat in
            SeatLine(seat: SeatLabels.label(for: seat.index), model: seat.model.name, provider: seat.model.provider,
                     model_id: seat.model.model, base_url: seat.model.baseURL.absoluteString)
        }
        turns = battle.turns.map { turn in
            TurnLine(index: turn.index, prompt: redactPrompts ? BattleExporter.redacted : turn.prompt,
                     created_at: turn.createdAt.timeIntervalSince1970,
                     answers: turn.answers.map { answer in
                         let m = answer.metrics
                         return AnswerLine(seat: SeatLabels.label(for: answer.seatIndex), text: answer.text, reasoning: answer.reasoning,
                                           finish_reason: answer.finishReason,
                                           error: answer.error.map { ErrorLine(kind: $0.kind, message: $0.message, status: $0.status) },
                                           ttft_ms: m.ttftMs, duration_ms: m.durationMs, input_tokens: m.inputTokens,
                                           output_tokens: m.outputTokens, reasoning_tokens: m.reasoningTokens,
                                           tokens_estimated: m.tokensEstimated, cost_usd: m.costUSD,
                                           served_model: answer.served?.model, served_fingerprint: answer.served?.fingerprint)
                     },
                     verdict: stored.verdicts[turn.index].map { record in
                         VerdictLine(verdict: record.verdict.code, rater: record.rater,
                                     created_at: record.createdAt.timeIntervalSince1970, blind: record.blind)
                     })
        }
    }

    /// One JSON line (sorted keys, no trailing newline).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The battle this line describes, or what is wrong with it (in words, for `arena import`).
    public func storedBattle() throws(BattleLineError) -> StoredBattle {
        guard format == Self.format else { throw BattleLineError("format \"\(format)\" is not \(Self.format)") }
        guard let battleID = UUID(uuidString: id) else { throw BattleLineError("id \"\(id)\" is not a UUID") }
        guard (2...SeatLabels.maximum).contains(seats.count) else {
            throw BattleLineError("a battle has 2–\(SeatLabels.maximum) seats, not \(seats.count)")
        }
        func seatIndex(_ label: String, _ field: String) throws(BattleLineError) -> Int {
            guard label.count == 1, let index = SeatLabels.index(of: label, seatCount: seats.count),
                  label == SeatLabels.label(for: index) else {
                throw BattleLineError("\(field) \"\(label)\" is not a seat of this battle")
            }
            return index
        }
        var battleSeats: [Seat] = []
        for (position, line) in seats.enumerated() {
            guard try seatIndex(line.seat, "seats[\(position)].seat") == position else {
                throw BattleLineError("seats must be listed A, B, C … in order")
            }
            guard !line.model.isEmpty else { throw BattleLineError("seats[\(position)].model is empty") }
            guard let url = URL(string: line.base_url) else { throw BattleLineError("seats[\(position)].base_url is not a URL") }
            battleSeats.append(Seat(index: position, model: ModelConfig(name: line.model, provider: line.provider, baseURL: url, model: line.model_id)))
        }
        var battle = Battle(id: battleID, createdAt: Date(timeIntervalSince1970: created_at), mode: mode, blind: blind,
                            systemPrompt: system_prompt, seats: battleSeats)
        battle.origin = origin.map { BattleOrigin(suite: $0.suite, promptID: $0.prompt_id, repeatIndex: $0.repeat_index) }
        var verdicts: [Int: VerdictRecord] = [:]
        for (position, turn) in turns.enumerated() {
            guard turn.index == position else { throw BattleLineError("turns must be numbered 0, 1, 2 … in order") }
            var answers: [Answer] = []
            for (a, line) in turn.answers.enumerated() {
                let seat = try seatIndex(line.seat, "turns[\(position)].answers[\(a)].seat")
                guard !answers.contains(where: { $0.seatIndex == seat }) else {
                    throw BattleLineError("turn \(position) has two answers for seat \(line.seat)")
                }
                answers.append(Answer(seatIndex: seat, text: line.text, reasoning: line.reasoning, finishReason: line.finish_reason,
                                      error: line.error.map { ProviderError($0.kind, $0.message, status: $0.status) },
                                      metrics: AnswerMetrics(ttftMs: line.ttft_ms, durationMs: line.duration_ms,
                                                             inputTokens: line.input_tokens, outputTokens: line.output_tokens,
                                                             reasoningTokens: line.reasoning_tokens,
                                                             tokensEstimated: line.tokens_estimated, costUSD: line.cost_usd),
                                      served: line.served_model == nil && line.served_fingerprint == nil
                                          ? nil : ServedModel(model: line.served_model, fingerprint: line.served_fingerprint)))
            }
            answers.sort { $0.seatIndex < $1.seatIndex }
            battle.turns.append(BattleTurn(index: turn.index, prompt: turn.prompt,
                                           createdAt: Date(timeIntervalSince1970: turn.created_at), answers: answers))
            if let line = turn.verdict {
                let verdict: Verdict
                do { verdict = try Verdict.parse(line.verdict, seatCount: seats.count) } catch {
                    throw BattleLineError("turn \(position): verdict \"\(line.verdict)\": \(error)")
                }
                for seat in verdict.seatsThatMustHaveAnswered where answers.first(where: { $0.seatIndex == seat })?.error != nil {
                    throw BattleLineError("turn \(position): seat \(SeatLabels.label(for: seat)) failed and cannot win or be ranked")
                }
                verdicts[turn.index] = VerdictRecord(battleID: battleID, turnIndex: turn.index, verdict: verdict, rater: line.rater,
                                                     createdAt: Date(timeIntervalSince1970: line.created_at), blind: line.blind)
            }
        }
        return StoredBattle(battle: battle, verdicts: verdicts, leakedWords: leaked_words)
    }
}

/// Why a native battle line cannot be imported.
public struct BattleLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
