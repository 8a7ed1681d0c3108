import ArenaCore
import Foundation
import PGClient

extension PostgresBackend {
    /// Every verdict with the few columns ranking reads (`RankingVoteQuery`), fetched through a
    /// server-side cursor in slices, so neither side holds the whole result twice.
    func rankingVotes(withText: Bool) throws(StoreError) -> [RankingVote] {
        try transaction { connection in
            var assembler = RankingVoteQuery.Assembler()
            _ = try connection.execute("DECLARE arena_votes NO SCROLL CURSOR FOR "
                                       + RankingVoteQuery.sql(withText: withText, binaryCollation: " COLLATE \"C\""))
            while true {
                let slice = try connection.execute("FETCH 20000 FROM arena_votes")
                if slice.count == 0 { break }
                for row in slice.rows { try assembler.add(try Self.rankingRow(row)) }
            }
            _ = try connection.execute("CLOSE arena_votes")
            return assembler.votes
        }
    }

    static func rankingRow(_ row: PostgresRow) throws -> RankingVoteQuery.Row {
        func required<T>(_ value: T?, _ position: Int) throws -> T {
            guard let value else { throw PostgresError("unexpected NULL in column \(row.columns[position]) of a ranking row") }
            return value
        }
        /// Stored flags are 0/1 integers; computed ones are booleans.
        func flag(_ position: Int) throws -> Bool? {
            try row.string(at: position).map { $0 == "1" || $0 == "t" || $0 == "true" }
        }
        let verdict = VerdictRow(battle_id: try required(row.string(at: 0), 0), turn_index: try required(row.int(at: 1), 1),
                                 outcome: try StoredEnum.decode(try required(row.string(at: 2), 2), column: "verdict.outcome"),
                                 winner_seat: try row.int(at: 3),
                                 rater: try required(row.string(at: 4), 4), created_at: try required(row.double(at: 5), 5),
                                 blind: try required(flag(6), 6), ranking: try row.string(at: 17))
        let contender = try RankingVoteQuery.contender(
            seatIndex: try row.int(at: 10), model: try row.string(at: 11), failed: try flag(12) ?? false,
            finishReason: try row.string(at: 13), hasText: try flag(14) ?? false, outputTokens: try row.int(at: 15),
            text: try row.string(at: 16), servedModel: row.columns.count > 19 ? try row.string(at: 19) : nil)
        return .init(verdict: verdict, seatCount: try required(row.int(at: 18), 18), battleBlind: try required(flag(7), 7),
                     mode: try StoredEnum.decode(try required(row.string(at: 8), 8), column: "battle.mode"),
                     leaked: try required(flag(9), 9), contender: contender)
    }

    /// The identity words of each battle the leak guard flagged, in battle order, each list in
    /// the order the words were found.
    func leakedBattleWords() throws(StoreError) -> [[String]] {
        try run { connection in
            let rows = try connection.execute("""
                SELECT l.battle_id, l.word FROM battle_leak l JOIN battle b ON b.id = l.battle_id
                ORDER BY b.created_at, b.id COLLATE "C", l.word_index
                """).rows
            return LeakRow.grouped(try rows.map { (battleID: try $0.string(at: 0) ?? "", word: try $0.string(at: 1) ?? "") })
        }
    }
}
