import Foundation

/// Turns stored battles into export rows: one row per pair of seats per voted turn.
///
/// Pairs (documented in the README): a two-seat battle is one row. With more seats, every pair
/// the verdict orders (`SeatComparison`): a winner yields one row against each other seat; a
/// ranking yields each ranked seat against every seat below it or unranked, and a tie row for
/// seats ranked equal; a tie or "both bad" yields a row for every pair; seats whose answer
/// failed are left out (a failure is not a quality judgement, as in LMArena). Skipped turns and
/// turns without a verdict are exported only with `includeUnvoted` (every pair, winner `null`).
public enum BattleExporter {
    /// What replaces every prompt (user message and system prompt) with `redact`.
    public static let redacted = "[redacted]"

    public static func rows(for stored: StoredBattle, includeUnvoted: Bool = false, redactPrompts: Bool = false) -> [ExportRow] {
        let rows = unredactedRows(for: stored, includeUnvoted: includeUnvoted)
        guard redactPrompts else { return rows }
        return rows.map { row in
            var row = row
            row.system_prompt = row.system_prompt.map { _ in redacted }
            for index in row.conversation_a.indices where row.conversation_a[index].role == "user" { row.conversation_a[index].content = redacted }
            for index in row.conversation_b.indices where row.conversation_b[index].role == "user" { row.conversation_b[index].content = redacted }
            return row
        }
    }

    static func unredactedRows(for stored: StoredBattle, includeUnvoted: Bool) -> [ExportRow] {
        stored.battle.turns.flatMap { turn -> [ExportRow] in
            let record = stored.verdicts[turn.index]
            let verdict = record?.verdict
            if verdict == nil || verdict == .skip, !includeUnvoted { return [] }
            let eligible = turn.answers.filter { $0.error == nil }.map(\.seatIndex)
            return pairs(for: verdict, eligible: eligible).map { pair in
                row(stored, turn: turn, record: record, a: pair.0, b: pair.1)
            }
        }
    }

    /// Seat pairs (lower index first) a verdict speaks about.
    static func pairs(for verdict: Verdict?, eligible: [Int]) -> [(Int, Int)] {
        var all: [(Int, Int)] = []
        for (position, first) in eligible.enumerated() {
            for second in eligible[(position + 1)...] { all.append((first, second)) }
        }
        guard let verdict, verdict != .skip else { return all }
        return all.filter { verdict.comparison(of: $0.0, and: $0.1) != nil }
    }

    static func winner(_ verdict: Verdict?, a: Int, b: Int) -> String? {
        switch verdict?.comparison(of: a, and: b) {
        case .first: return "model_a"
        case .second: return "model_b"
        case .tie: return "tie"
        case .bothBad: return "tie (bothbad)"
        case nil: return nil
        }
    }

    private static func row(_ stored: StoredBattle, turn: BattleTurn, record: VerdictRecord?, a: Int, b: Int) -> ExportRow {
        let battle = stored.battle
        let answerA = turn.answers.first { $0.seatIndex == a }
        let answerB = turn.answers.first { $0.seatIndex == b }
        func conversation(_ seat: Int) -> [ExportRow.Message] {
            battle.conversation(forSeat: seat, through: turn.index, includeSystem: false)
                .map { ExportRow.Message(role: $0.role.rawValue, content: $0.content) }
        }
        func name(_ seat: Int) -> String { battle.seats.first { $0.index == seat }?.model.name ?? "?" }
        return ExportRow(
            question_id: "\(battle.id.uuidString.lowercased())-\(turn.index)",
            model_a: name(a), model_b: name(b), winner: winner(record?.verdict, a: a, b: b),
            judge: record?.rater, turn: turn.index + 1, anony: battle.blind && (record?.blind ?? true), language: nil,
            tstamp: (record?.createdAt ?? turn.createdAt).timeIntervalSince1970,
            conversation_a: conversation(a), conversation_b: conversation(b),
            battle_id: battle.id.uuidString.lowercased(), turn_index: turn.index, mode: battle.mode.rawValue,
            system_prompt: battle.systemPrompt, seat_a: SeatLabels.label(for: a), seat_b: SeatLabels.label(for: b),
            seat_count: battle.seats.count, verdict: record?.verdict.code, leaked: stored.isLeaked,
            leaked_words: stored.leakedWords,
            finish_reason_a: answerA?.finishReason.rawValue ?? "error", finish_reason_b: answerB?.finishReason.rawValue ?? "error",
            error_a: answerA?.error?.description, error_b: answerB?.error?.description,
            ttft_ms_a: answerA?.metrics.ttftMs, ttft_ms_b: answerB?.metrics.ttftMs,
            duration_ms_a: answerA?.metrics.durationMs, duration_ms_b: answerB?.metrics.durationMs,
            input_tokens_a: answerA?.metrics.inputTokens, input_tokens_b: answerB?.metrics.inputTokens,
            output_tokens_a: answerA?.metrics.outputTokens, output_tokens_b: answerB?.metrics.outputTokens,
            tokens_estimated_a: answerA?.metrics.tokensEstimated ?? false,
            tokens_estimated_b: answerB?.metrics.tokensEstimated ?? false,
            cost_usd_a: answerA?.metrics.costUSD, cost_usd_b: answerB?.metrics.costUSD,
            resolved_model_a: answerA?.served?.model, resolved_model_b: answerB?.served?.model,
            fingerprint_a: answerA?.served?.fingerprint, fingerprint_b: answerB?.served?.fingerprint)
    }
}
