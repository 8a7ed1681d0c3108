import ArenaCore
import Foundation
import GRDB

extension BattleStore {
    /// One battle with everything in it, or nil.
    public func battle(id: UUID) throws(StoreError) -> StoredBattle? {
        try read { db in
            guard let row = try BattleRow.fetchOne(db, key: id.uuidString) else { return nil }
            return try Self.assemble([row], db).first
        }
    }

    /// Battles in creation order, optionally only those created at or after `since`.
    public func battles(since: Date? = nil) throws(StoreError) -> [StoredBattle] {
        try read { db in
            var request = BattleRow.order(Column("created_at"), Column("id"))
            if let since { request = request.filter(Column("created_at") >= since.timeIntervalSince1970) }
            return try Self.assemble(try request.fetchAll(db), db)
        }
    }

    /// Loads children of many battles with one query per table, not one per battle.
    static func assemble(_ rows: [BattleRow], _ db: Database) throws -> [StoredBattle] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let single = ids.count == 1
        func children<R: FetchableRecord & TableRecord>(_ type: R.Type) throws -> [R] {
            single ? try R.filter(Column("battle_id") == ids[0]).fetchAll(db) : try R.fetchAll(db)
        }
        let seats = Dictionary(grouping: try children(SeatRow.self), by: \.battle_id)
        let turns = Dictionary(grouping: try children(TurnRow.self), by: \.battle_id)
        let answers = Dictionary(grouping: try children(AnswerRow.self), by: { "\($0.battle_id)#\($0.turn_index)" })
        let verdicts = Dictionary(grouping: try children(VerdictRow.self), by: \.battle_id)
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

    /// Recent distinct prompts, oldest first (for prompt recall in the arena screen).
    public func recentPrompts(limit: Int = 200) throws(StoreError) -> [String] {
        try read { db in
            let rows = try String.fetchAll(db, sql: """
                SELECT prompt FROM turn GROUP BY prompt ORDER BY max(created_at) DESC LIMIT ?
                """, arguments: [limit])
            return rows.reversed()
        }
    }
}
