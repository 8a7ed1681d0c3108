import ArenaCore
import Foundation
import GRDB

extension SQLiteBackend {
    /// One battle with everything in it, or nil.
    public func battle(id: UUID) throws(StoreError) -> StoredBattle? {
        try read { db in
            guard let row = try BattleRow.fetchOneStrictly(db, key: id.uuidString) else { return nil }
            return try Self.assemble([row], db).first
        }
    }

    /// Battles in creation order, optionally only those created at or after `since`.
    public func battles(since: Date? = nil) throws(StoreError) -> [StoredBattle] {
        try read { db in
            var request = BattleRow.order(Column("created_at"), Column("id"))
            if let since { request = request.filter(Column("created_at") >= since.timeIntervalSince1970) }
            return try Self.assemble(try BattleRow.fetchAllStrictly(db, request), db)
        }
    }

    /// Battles judged from one suite, with their children read through the suite index.
    public func battles(suite: String) throws(StoreError) -> [StoredBattle] {
        try read { db in
            let rows = try BattleRow.fetchAllStrictly(db, BattleRow.filter(Column("suite") == suite).order(Column("created_at"), Column("id")))
            func children<R: StoredRecord>(_ type: R.Type) throws -> [R] {
                try R.fetchAllStrictly(db, sql: "SELECT c.* FROM \(R.databaseTableName) c JOIN battle b ON b.id = c.battle_id WHERE b.suite = ?",
                                       arguments: [suite])
            }
            return try StoredBattleAssembler.assemble(rows, seats: try children(SeatRow.self), turns: try children(TurnRow.self),
                                                  answers: try children(AnswerRow.self), verdicts: try children(VerdictRow.self),
                                                  leaks: try children(LeakRow.self))
        }
    }

    /// Loads children of many battles with one query per table, not one per battle.
    static func assemble(_ rows: [BattleRow], _ db: Database) throws -> [StoredBattle] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let single = ids.count == 1
        func children<R: StoredRecord>(_ type: R.Type) throws -> [R] {
            try R.fetchAllStrictly(db, single ? R.filter(Column("battle_id") == ids[0]) : R.all())
        }
        return try StoredBattleAssembler.assemble(rows, seats: try children(SeatRow.self), turns: try children(TurnRow.self),
                                              answers: try children(AnswerRow.self), verdicts: try children(VerdictRow.self),
                                              leaks: try children(LeakRow.self))
    }

    /// Recent distinct prompts, oldest first (for prompt recall in the arena screen).
    public func recentPrompts(limit: Int = 200) throws(StoreError) -> [String] {
        try read { db in
            let rows = try String.fetchAll(db, sql: SchemaSteps.recentPromptsSQL(.sqlite), arguments: [limit, limit])
            return rows.reversed()
        }
    }
}
