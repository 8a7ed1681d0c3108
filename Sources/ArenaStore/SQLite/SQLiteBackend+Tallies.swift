import ArenaCore
import Foundation
import GRDB

/// The ranking tallies of the SQLite store (`SchemaSteps.rankingTallyStep`).
extension SQLiteBackend {
    /// A write to one battle that keeps the tallies in step: the shapes of the battle's verdicts
    /// are read before and after `body`, and the difference applied, all in one transaction.
    func writeKeepingTallies<T>(battle id: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        try write { db in
            let before = try Self.rankingVotes(db, battle: id).map(RankingShape.init(vote:))
            let result = try body(db)
            var delta = RankingTallyDelta()
            delta.remove(before)
            delta.add(try Self.rankingVotes(db, battle: id).map(RankingShape.init(vote:)))
            try Self.apply(delta, db)
            return result
        }
    }

    static func apply(_ delta: RankingTallyDelta, _ db: Database) throws {
        let changes = delta.changes
        guard !changes.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: RankingTallySQL.upsert(.sqlite))
        let drop = try db.cachedStatement(sql: RankingTallySQL.dropEmpty(.sqlite))
        for (code, change) in changes {
            try upsert.execute(arguments: [code, change])
            if change < 0 { try drop.execute(arguments: [code]) }
        }
    }

    /// Recounts every stored verdict into fresh tallies (filling them when the step is applied,
    /// and `arena store verify --repair`).
    static func rebuildRankingTallies(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM ranking_tally")
        let insert = try db.makeStatement(sql: "INSERT INTO ranking_tally (shape, verdicts) VALUES (?, ?)")
        for tally in RankingTally.of(try rankingVotes(db, sql: RankingVoteQuery.sql(withText: false, withServedModel: false))) {
            try insert.execute(arguments: [tally.shape.code, tally.verdicts])
        }
    }

    func rebuildRankingTallies() throws(StoreError) {
        try write { db in try Self.rebuildRankingTallies(db) }
    }

    func storedRankingTallies() throws(StoreError) -> StoredRankingTallies {
        try read { db in
            var tallies: [RankingTally] = []
            var unreadable = 0
            var stored: Int?
            let rows = try Row.fetchCursor(db, sql: RankingTallySQL.read)
            while let row = try rows.next() {
                stored = row[2]
                if let shape = RankingShape(code: row[0]) { tallies.append(RankingTally(shape: shape, verdicts: row[1])) } else { unreadable += 1 }
            }
            return StoredRankingTallies(tallies: tallies, storedVerdicts: try stored ?? Int.fetchOne(db, sql: RankingTallySQL.verdictTotal) ?? 0,
                                        unreadable: unreadable)
        }
    }
}
