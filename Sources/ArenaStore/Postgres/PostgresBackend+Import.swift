import ArenaCore
import Foundation
import PGClient

extension PostgresBackend {
    /// Largest number of parameters one statement may carry (the protocol counts them in 16 bits).
    static let parameterLimit = 65_535

    /// Imports a batch with a few multi-row statements instead of a round trip per row: the
    /// battles first (the ids that were new come back), then the seats, turns, answers and
    /// verdicts of the new ones. Battles already in the store, or repeated in the batch, add
    /// nothing. Returns how many battles were new.
    static func insertBatch(_ batch: [StoredBattle], _ connection: PostgresConnection) throws -> Int {
        var seen = Set<UUID>()
        let distinct = batch.filter { seen.insert($0.battle.id).inserted }
        let new = Set(try insertMany(distinct.map { BattleRow($0.battle) }, into: "battle", connection, returning: "id"))
        let added = distinct.filter { new.contains($0.battle.id.uuidString) }
        guard !added.isEmpty else { return 0 }
        var seats: [SeatRow] = [], turns: [TurnRow] = [], answers: [AnswerRow] = [], verdicts: [VerdictRow] = []
        var leaks: [LeakRow] = []
        for stored in added {
            let id = stored.battle.id.uuidString
            leaks += LeakRow.rows(battleID: id, words: stored.leakedWords)
            seats += stored.battle.seats.map { SeatRow($0, battleID: id) }
            for turn in stored.battle.turns {
                turns.append(TurnRow(turn, battleID: id))
                answers += turn.answers.map { AnswerRow($0, battleID: id, turn: turn.index) }
            }
            verdicts += stored.verdicts.keys.sorted().compactMap { stored.verdicts[$0].map(VerdictRow.init) }
        }
        _ = try insertMany(seats, into: "seat", connection)
        _ = try insertMany(turns, into: "turn", connection)
        _ = try insertMany(answers, into: "answer", connection)
        _ = try insertMany(verdicts, into: "verdict", connection)
        _ = try insertMany(leaks, into: "battle_leak", connection)
        var delta = RankingTallyDelta()
        for stored in added { delta.add(stored) }
        try apply(delta, connection)
        return added.count
    }

    /// `INSERT … VALUES (…), (…), … ON CONFLICT DO NOTHING`, as many rows per statement as the
    /// parameter limit allows. With `returning`, the values of that column for the rows inserted.
    @discardableResult
    static func insertMany<Row: Encodable>(_ rows: [Row], into table: String, _ connection: PostgresConnection,
                                           returning: String? = nil) throws -> [String] {
        guard let first = rows.first else { return [] }
        let names = try PostgresRowCoding.columns(of: first).map(\.name)
        let perStatement = max(parameterLimit / names.count, 1)
        var returned: [String] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            var values: [PostgresValue?] = []
            values.reserveCapacity(chunk.count * names.count)
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            for row in chunk {
                let columns = try PostgresRowCoding.columns(of: row)
                guard columns.map(\.name) == names else { throw StoreError("rows of \(table) do not share their columns") }
                let base = values.count
                tuples.append("(" + (1...columns.count).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
                values += columns.map(\.value)
            }
            let sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", ")) ON CONFLICT DO NOTHING"
                + (returning.map { " RETURNING \($0)" } ?? "")
            let result = try connection.execute(sql, values)
            if returning != nil { returned += try result.rows.compactMap { try $0.string(at: 0) } }
            start += chunk.count
        }
        return returned
    }
}
