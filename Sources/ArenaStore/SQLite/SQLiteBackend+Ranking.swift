import ArenaCore
import Foundation
import GRDB

extension SQLiteBackend {
    /// Every verdict with the few columns ranking reads (`RankingVoteQuery`), read with a cursor.
    func rankingVotes(withText: Bool) throws(StoreError) -> [RankingVote] {
        try read { db in
            var assembler = RankingVoteQuery.Assembler()
            let rows = try Row.fetchCursor(db, sql: RankingVoteQuery.sql(withText: withText))
            while let row = try rows.next() {
                let verdict = VerdictRow(battle_id: row[0], turn_index: row[1], outcome: row[2], winner_seat: row[3],
                                         rater: row[4], created_at: row[5], blind: row[6])
                let contender = try RankingVoteQuery.contender(
                    seatIndex: row[10], model: row[11], failed: row[12] ?? false, finishReason: row[13],
                    hasText: row[14] ?? false, outputTokens: row[15], text: row[16])
                try assembler.add(.init(verdict: verdict, battleBlind: row[7], mode: row[8], leaked: row[9], contender: contender))
            }
            return assembler.votes
        }
    }

    /// The identity words of each battle the leak guard flagged.
    func leakedBattleWords() throws(StoreError) -> [[String]] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT leaked_words FROM battle WHERE leaked_words <> '' ORDER BY created_at, id")
                .map { $0.split(separator: ",").map(String.init) }
        }
    }
}
