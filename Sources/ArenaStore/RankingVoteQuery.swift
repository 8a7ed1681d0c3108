import ArenaCore
import Foundation

/// The one query behind `BattleStore.rankingVotes`: a row per (verdict, answer) with only the
/// columns ranking reads, in `RankingVote.precedes` order, for both backends.
enum RankingVoteQuery {
    /// `withText`: whether the answer text is read too (style control measures it).
    /// `binaryCollation`: PostgreSQL orders text by the database's collation unless told to
    /// compare bytes (` COLLATE "C"`), as SQLite does.
    /// `battlePlaceholder`: only the verdicts of the battle bound there (a write keeping its
    /// tallies reads the shapes of one battle's verdicts before and after).
    /// `withServedModel`: whether `answer.served_model` (schema v10) is read; the ranking tallies
    /// (kept since v9, filled when v9 is applied) never read it.
    static func sql(withText: Bool, binaryCollation: String = "", battlePlaceholder: String? = nil,
                    withServedModel: Bool = true) -> String {
        // The whitespace set is a constant (no quote in it), written into the text so the query
        // also runs as a server-side cursor, which takes no parameters.
        """
        SELECT v.battle_id, v.turn_index, v.outcome, v.winner_seat, v.rater, v.created_at, v.blind,
               b.blind AS battle_blind, b.mode, EXISTS (SELECT 1 FROM battle_leak l WHERE l.battle_id = b.id) AS leaked,
               a.seat_index, s.model_name, a.error_kind IS NOT NULL AS failed, a.finish_reason,
               ltrim(a.text, '\(RankingVote.whitespace)') <> '' AS has_text, a.output_tokens,
               \(withText ? "a.text" : "NULL") AS text, v.ranking, b.seat_count\(withServedModel ? ", a.served_model" : "")
        FROM verdict v
        JOIN battle b ON b.id = v.battle_id
        LEFT JOIN answer a ON a.battle_id = v.battle_id AND a.turn_index = v.turn_index
        LEFT JOIN seat s ON s.battle_id = a.battle_id AND s.seat_index = a.seat_index\(battlePlaceholder.map { "\nWHERE v.battle_id = \($0)" } ?? "")
        ORDER BY v.created_at, v.battle_id\(binaryCollation), v.turn_index, a.seat_index
        """
    }

    /// One result row, decoded (the backends read enum columns with `StoredEnum.decode`, which
    /// names the column of an unknown word).
    struct Row {
        var verdict: VerdictRow
        var seatCount: Int
        var battleBlind: Bool
        var mode: BattleMode
        var leaked: Bool
        /// Nil when the turn has no answer rows (or the answer's seat is missing).
        var contender: RankingVote.Contender?
    }

    /// Folds consecutive rows of one verdict into a vote.
    struct Assembler {
        private(set) var votes: [RankingVote] = []
        /// The verdict of the last vote appended.
        private var currentKey: (String, Int)?

        mutating func add(_ row: Row) throws(StoreError) {
            let key = (row.verdict.battle_id, row.verdict.turn_index)
            if let currentKey, currentKey == key {
                if let contender = row.contender { votes[votes.count - 1].contenders.append(contender) }
                return
            }
            let record = try row.verdict.record(seatCount: row.seatCount)
            currentKey = key
            votes.append(RankingVote(record: record, battleBlind: row.battleBlind,
                                     mode: row.mode, leaked: row.leaked, contenders: row.contender.map { [$0] } ?? []))
        }
    }

    static func contender(seatIndex: Int?, model: String?, failed: Bool, finishReason: String?, hasText: Bool,
                          outputTokens: Int?, text: String?, servedModel: String?) throws(StoreError) -> RankingVote.Contender? {
        guard let seatIndex, let model, let finishReason else { return nil }
        return RankingVote.Contender(seatIndex: seatIndex, model: model, failed: failed,
                                     finishReason: try StoredEnum.decode(finishReason, column: "answer.finish_reason"),
                                     hasText: hasText, outputTokens: outputTokens, text: text, servedModel: servedModel)
    }
}
