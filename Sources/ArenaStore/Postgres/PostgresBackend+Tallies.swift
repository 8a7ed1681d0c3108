import ArenaCore
import Foundation
import PGClient

/// The ranking tallies of a PostgreSQL store (`SchemaSteps.rankingTallyStep`).
extension PostgresBackend {
    /// A write to one battle that keeps the tallies in step: the shapes of the battle's verdicts
    /// before and after `body`, and the difference applied, in one transaction. Run again after a
    /// lost connection, it reads the state it finds, so it never counts a verdict twice.
    func transactionKeepingTallies<T>(battle id: String, _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        try transaction { connection in
            let before = try Self.rankingShapes(connection, battle: id)
            let result = try body(connection)
            var delta = RankingTallyDelta()
            delta.remove(before)
            delta.add(try Self.rankingShapes(connection, battle: id))
            try Self.apply(delta, connection)
            return result
        }
    }

    static func rankingShapes(_ connection: PostgresConnection, battle id: String) throws -> [RankingShape] {
        var assembler = RankingVoteQuery.Assembler()
        let sql = RankingVoteQuery.sql(withText: false, binaryCollation: " COLLATE \"C\"", battlePlaceholder: "$1", withServedModel: false)
        for row in try connection.execute(sql, [.string(id)]).rows { try assembler.add(try rankingRow(row)) }
        return assembler.votes.map(RankingShape.init(vote:))
    }

    static func apply(_ delta: RankingTallyDelta, _ connection: PostgresConnection) throws {
        for (code, change) in delta.changes {
            _ = try connection.execute(RankingTallySQL.upsert(.postgres), [.string(code), .int(change)])
            if change < 0 { _ = try connection.execute(RankingTallySQL.dropEmpty(.postgres), [.string(code)]) }
        }
    }

    /// Recounts every stored verdict into fresh tallies, with writers to the tables a shape reads
    /// held off until it commits (filling them when the step is applied, and `--repair`).
    static func rebuildRankingTallies(_ connection: PostgresConnection) throws {
        _ = try connection.execute("LOCK TABLE verdict, answer, seat, battle_leak, ranking_tally IN SHARE ROW EXCLUSIVE MODE")
        _ = try connection.execute("DELETE FROM ranking_tally")
        var assembler = RankingVoteQuery.Assembler()
        let rows = try connection.execute(RankingVoteQuery.sql(withText: false, binaryCollation: " COLLATE \"C\"",
                                                                withServedModel: false)).rows
        for row in rows { try assembler.add(try rankingRow(row)) }
        let tallies = RankingTally.of(assembler.votes)
        var start = 0
        while start < tallies.count {
            let chunk = tallies[start..<min(start + 5_000, tallies.count)]
            let tuples = (0..<chunk.count).map { "($\(2 * $0 + 1), $\(2 * $0 + 2))" }.joined(separator: ", ")
            _ = try connection.execute("INSERT INTO ranking_tally (shape, verdicts) VALUES \(tuples)",
                                       chunk.flatMap { [PostgresValue.string($0.shape.code), .int($0.verdicts)] })
            start += chunk.count
        }
    }

    func rebuildRankingTallies() throws(StoreError) {
        try transaction { connection in try Self.rebuildRankingTallies(connection) }
    }

    func storedRankingTallies() throws(StoreError) -> StoredRankingTallies {
        try run { connection in
            let rows = try connection.execute(RankingTallySQL.read).rows
            var tallies: [RankingTally] = []
            var unreadable = 0
            for row in rows {
                if let code = try row.string(at: 0), let shape = RankingShape(code: code), let count = try row.int(at: 1) {
                    tallies.append(RankingTally(shape: shape, verdicts: count))
                } else {
                    unreadable += 1
                }
            }
            let stored = try rows.first?.int(at: 2) ?? connection.execute(RankingTallySQL.verdictTotal).first?.int(at: 0) ?? 0
            return StoredRankingTallies(tallies: tallies, storedVerdicts: stored, unreadable: unreadable)
        }
    }
}
