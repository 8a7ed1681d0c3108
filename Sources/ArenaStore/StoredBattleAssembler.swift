import ArenaCore
import Foundation

/// Builds domain battles from table rows; shared by every backend so they read alike.
enum StoredBattleAssembler {
    static func assemble(_ rows: [BattleRow], seats seatRows: [SeatRow], turns turnRows: [TurnRow],
                         answers answerRows: [AnswerRow], verdicts verdictRows: [VerdictRow]) -> [StoredBattle] {
        let seats = Dictionary(grouping: seatRows, by: \.battle_id)
        let turns = Dictionary(grouping: turnRows, by: \.battle_id)
        let answers = Dictionary(grouping: answerRows, by: { "\($0.battle_id)#\($0.turn_index)" })
        let verdicts = Dictionary(grouping: verdictRows, by: \.battle_id)
        return rows.compactMap { row in
            guard let id = UUID(uuidString: row.id) else { return nil }
            let battleTurns = (turns[row.id] ?? []).sorted { $0.turn_index < $1.turn_index }.map { turn in
                BattleTurn(index: turn.turn_index, prompt: turn.prompt,
                           createdAt: Date(timeIntervalSince1970: turn.created_at),
                           answers: (answers["\(row.id)#\(turn.turn_index)"] ?? [])
                               .sorted { $0.seat_index < $1.seat_index }.map(\.answer))
            }
            var battle = Battle(id: id, createdAt: Date(timeIntervalSince1970: row.created_at),
                                mode: BattleMode(rawValue: row.mode) ?? .ask, blind: row.blind,
                                systemPrompt: row.system_prompt,
                                seats: (seats[row.id] ?? []).sorted { $0.seat_index < $1.seat_index }.map(\.seat),
                                turns: battleTurns)
            if let suite = row.suite, let prompt = row.prompt_id {
                battle.origin = BattleOrigin(suite: suite, promptID: prompt, repeatIndex: row.repeat_index ?? 0)
            }
            var byTurn: [Int: VerdictRecord] = [:]
            for verdict in verdicts[row.id] ?? [] { if let record = verdict.record { byTurn[verdict.turn_index] = record } }
            let words = row.leaked_words.split(separator: ",").map(String.init)
            return StoredBattle(battle: battle, verdicts: byTurn, leakedWords: words)
        }
    }
}
