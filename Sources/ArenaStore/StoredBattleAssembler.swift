import ArenaCore
import Foundation

/// Builds domain battles from table rows; shared by every backend so they read alike.
enum StoredBattleAssembler {
    static func assemble(_ rows: [BattleRow], seats seatRows: [SeatRow], turns turnRows: [TurnRow],
                         answers answerRows: [AnswerRow], verdicts verdictRows: [VerdictRow],
                         leaks leakRows: [LeakRow]) throws(StoreError) -> [StoredBattle] {
        let seats = Dictionary(grouping: seatRows, by: \.battle_id)
        let turns = Dictionary(grouping: turnRows, by: \.battle_id)
        let answers = Dictionary(grouping: answerRows, by: { "\($0.battle_id)#\($0.turn_index)" })
        let verdicts = Dictionary(grouping: verdictRows, by: \.battle_id)
        let leaks = LeakRow.words(leakRows)
        var stored: [StoredBattle] = []
        stored.reserveCapacity(rows.count)
        for row in rows {
            guard let id = UUID(uuidString: row.id) else { throw StoreError.unknownValue(row.id, column: "battle.id") }
            var battleTurns: [BattleTurn] = []
            for turn in (turns[row.id] ?? []).sorted(by: { $0.turn_index < $1.turn_index }) {
                var turnAnswers: [Answer] = []
                for answer in (answers["\(row.id)#\(turn.turn_index)"] ?? []).sorted(by: { $0.seat_index < $1.seat_index }) {
                    turnAnswers.append(answer.answer())
                }
                battleTurns.append(BattleTurn(index: turn.turn_index, prompt: turn.prompt,
                                              createdAt: Date(timeIntervalSince1970: turn.created_at), answers: turnAnswers))
            }
            var battleSeats: [Seat] = []
            for seat in (seats[row.id] ?? []).sorted(by: { $0.seat_index < $1.seat_index }) { battleSeats.append(try seat.seat()) }
            var battle = Battle(id: id, createdAt: Date(timeIntervalSince1970: row.created_at),
                                mode: row.mode, blind: row.blind,
                                systemPrompt: row.system_prompt, seats: battleSeats, turns: battleTurns)
            if let suite = row.suite, let prompt = row.prompt_id {
                battle.origin = BattleOrigin(suite: suite, promptID: prompt, repeatIndex: row.repeat_index ?? 0)
            }
            var byTurn: [Int: VerdictRecord] = [:]
            for verdict in verdicts[row.id] ?? [] { byTurn[verdict.turn_index] = try verdict.record(seatCount: row.seat_count) }
            stored.append(StoredBattle(battle: battle, verdicts: byTurn, leakedWords: leaks[row.id] ?? []))
        }
        return stored
    }
}
