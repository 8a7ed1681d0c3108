import ArenaCore
import Foundation
import GRDB

extension SQLiteBackend {
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

    /// Battles judged from one suite, with their children read through the suite index.
    public func battles(suite: String) throws(StoreError) -> [StoredBattle] {
        try read { db in
            let rows = try BattleRow.filter(Column("suite") == suite).order(Column("created_at"), Column("id")).fetchAll(db)
            func children<R: FetchableRecord & TableRecord>(_ type: R.Type) throws -> [R] {
                try R.fetchAll(db, sql: "SELECT c.* FROM \(R.databaseTableName) c JOIN battle b ON b.id = c.battle_id WHERE b.suite = ?",
                               arguments: [suite])
            }
            return try StoredBattleAssembler.assemble(rows, seats: try children(SeatRow.self), turns: try children(TurnRow.self),
                                                  answers: try children(AnswerRow.self), verdicts: try children(VerdictRow.self))
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
        return try StoredBattleAssembler.assemble(rows, seats: try children(SeatRow.self), turns: try children(TurnRow.self),
                                              answers: try children(AnswerRow.self), verdicts: try children(VerdictRow.self))
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
