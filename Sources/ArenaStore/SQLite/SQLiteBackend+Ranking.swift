import ArenaCore
import Foundation
import GRDB

extension SQLiteBackend {
    /// Every verdict with the few columns ranking reads (`RankingVoteQuery`), read with a cursor.
    func rankingVotes(withText: Bool) throws(StoreError) -> [RankingVote] {
        try read { db in try Self.rankingVotes(db, sql: RankingVoteQuery.sql(withText: withText)) }
    }

    /// The votes of one battle's verdicts, as they are stored now (in the caller's transaction).
    static func rankingVotes(_ db: Database, battle id: String) throws -> [RankingVote] {
        try rankingVotes(db, sql: RankingVoteQuery.sql(withText: false, battlePlaceholder: "?", withServedModel: false), arguments: [id])
    }

    static func rankingVotes(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [RankingVote] {
        var assembler = RankingVoteQuery.Assembler()
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let verdict = VerdictRow(battle_id: row[0], turn_index: row[1],
                                     outcome: try StoredEnum.decode(row[2], column: "verdict.outcome"), winner_seat: row[3],
                                     rater: row[4], created_at: row[5], blind: row[6], ranking: row[17])
            let contender = try RankingVoteQuery.contender(
                seatIndex: row[10], model: row[11], failed: row[12] ?? false, finishReason: row[13],
                hasText: row[14] ?? false, outputTokens: row[15], text: row[16], servedModel: row.count > 19 ? row[19] : nil)
            try assembler.add(.init(verdict: verdict, seatCount: row[18], battleBlind: row[7], mode: try StoredEnum.decode(row[8], column: "battle.mode"),
                                    leaked: row[9], contender: contender))
        }
        return assembler.votes
    }

    /// The identity words of each battle the leak guard flagged, in battle order, each list in
    /// the order the words were found.
    func leakedBattleWords() throws(StoreError) -> [[String]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.battle_id, l.word FROM battle_leak l JOIN battle b ON b.id = l.battle_id
                ORDER BY b.created_at, b.id, l.word_index
                """)
            return LeakRow.grouped(rows.map { (battleID: $0[0], word: $0[1]) })
        }
    }
}
