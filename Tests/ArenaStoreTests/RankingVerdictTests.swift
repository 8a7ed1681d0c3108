@testable import ArenaStore
import ArenaCore
import Foundation
import GRDB
import PGClient
import Testing

/// Ranking verdicts (3+ seats, `C>A=D>B`) on both backends, and v7's promise that every verdict
/// stored before it means exactly what it meant.
@Suite("Ranking verdicts in the store")
struct RankingVerdictTests {
    static func battle(seats: Int, failed: Set<Int> = []) -> Battle {
        let models = (0..<seats).map { ModelConfig(name: "m\($0)", baseURL: URL(string: "http://127.0.0.1:8080/v1")!, model: "id\($0)") }
        var battle = Battle(createdAt: Date(timeIntervalSince1970: 1_700_000_000), mode: .screen, blind: true, systemPrompt: nil,
                            seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        battle.turns = [BattleTurn(index: 0, prompt: "Rank us", createdAt: battle.createdAt, answers: (0..<seats).map { seat in
            failed.contains(seat)
                ? Answer(seatIndex: seat, text: "", finishReason: .error, error: ProviderError(.serverError, "boom", status: 500))
                : Answer(seatIndex: seat, text: "answer \(seat)", finishReason: .stop)
        })]
        return battle
    }

    static func ranking(_ code: String, seats: Int) throws -> Verdict {
        try Verdict.parse(code, seatCount: seats)
    }

    @Test(arguments: StoreKind.allCases)
    func aRankingRoundTripsThroughEveryReadPath(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        for (seats, code) in [(4, "C>A=D>B"), (5, "C>A"), (8, "H>A=B=C>D"), (3, "B=C>A")] {
            let battle = Self.battle(seats: seats)
            try store.save(battle: battle, turn: 0)
            let verdict = try Self.ranking(code, seats: seats)
            guard case .ranking(let ranking) = verdict else { Issue.record("\(code) is not a ranking"); continue }
            try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict, rater: "ann", createdAt: Date()))
            let stored = try #require(try store.battle(id: battle.id))
            #expect(stored.verdicts[0]?.verdict == verdict, "\(code)")
            guard case .ranking(let back)? = stored.verdicts[0]?.verdict else { continue }
            #expect(back.unranked == ranking.unranked && back.seatCount == seats)
            let vote = try #require(try store.rankingVotes().first { $0.record.battleID == battle.id })
            #expect(vote.record.verdict == verdict)
        }
        #expect(try store.verdictCount() == 4)
    }

    @Test(arguments: StoreKind.allCases)
    func aReVoteReplacesTheRankingWholly(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battle = Self.battle(seats: 4)
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: try Self.ranking("D>C>B", seats: 4),
                                              rater: "ann", createdAt: Date()))
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(1), rater: "ann", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict == .seat(1))
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: try Self.ranking("A>B", seats: 4),
                                              rater: "ann", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict.code == "A>B")
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedSeatCannotBeRanked(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battle = Self.battle(seats: 4, failed: [1])
        try store.save(battle: battle, turn: 0)
        let error = #expect(throws: StoreError.self) {
            try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: try Self.ranking("C>B>A", seats: 4),
                                                  rater: "ann", createdAt: Date()))
        }
        #expect(error?.description == "B failed, so it cannot be ranked")
        #expect(try store.battle(id: battle.id)?.verdicts.isEmpty == true)
        // Leaving the failed seat alone at the bottom is fine: it is above nobody.
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: try Self.ranking("C>A=D", seats: 4),
                                              rater: "ann", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict.code == "C>A=D>B")
    }

    /// An empty answer cannot win in the store either (it used to be stored, then silently
    /// dropped by the ranking), with the words the screen and `arena ask` use.
    @Test(arguments: StoreKind.allCases)
    func anEmptyAnswerCannotWin(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        var battle = Self.battle(seats: 2)
        battle.turns[0].answers[1] = Answer(seatIndex: 1, text: " \n", finishReason: .stop)
        try store.save(battle: battle, turn: 0)
        let error = #expect(throws: StoreError.self) {
            try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(1), rater: "ann", createdAt: Date()))
        }
        #expect(error?.description == "B gave an empty answer, so it cannot win")
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(0), rater: "ann", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict == .seat(0))
    }

    /// The schema refuses a ranking row without its order, and the reader refuses an order it
    /// cannot read, naming the column.
    @Test func aBrokenRankingRowIsRefusedNotGuessed() throws {
        let path = BattleStoreTests.temporaryPath()
        let store = try BattleStore(path: path)
        let battle = Self.battle(seats: 4)
        try store.save(battle: battle, turn: 0)
        let pool = (store.backend as! SQLiteBackend).pool
        #expect(throws: (any Error).self) {
            try pool.write { try $0.execute(sql: "INSERT INTO verdict VALUES (?, 0, 'rank', NULL, 'ann', 1, 1, NULL)", arguments: [battle.id.uuidString]) }
        }
        try pool.write { try $0.execute(sql: "INSERT INTO verdict VALUES (?, 0, 'rank', NULL, 'ann', 1, 1, 'A>Z')", arguments: [battle.id.uuidString]) }
        let error = #expect(throws: StoreError.self) { _ = try store.battles() }
        #expect(error?.code == .unknownValue && error?.description.contains("verdict.ranking") == true)
    }

    /// Every kind of verdict a v6 store holds reads the same after v7, on both backends.
    static let oldVerdicts: [(outcome: String, winner: Int?, meaning: Verdict)] = [
        ("seat", 2, .seat(2)), ("tie", nil, .tie), ("bad", nil, .bothBad), ("skip", nil, .skip), ("seat", 0, .seat(0)),
    ]

    @Test func sqliteCarriesEveryVerdictForward() throws {
        let path = BattleStoreTests.temporaryPath()
        try SQLiteBackend.preparePrivateFile(at: path)
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v6-battle-leak")
        let ids = try queue.write { db in try Self.oldRows { sql, arguments in try db.execute(sql: sql, arguments: StatementArguments(arguments)) } }
        try queue.close()
        let store = try BattleStore(path: path)
        #expect(try store.appliedMigrations() == StoreKind.allMigrations)
        try Self.checkEveryVerdict(store, ids: ids)
        let indexes = try (store.backend as! SQLiteBackend).pool.read { db in try db.indexes(on: "verdict").map(\.name).filter { $0.hasPrefix("verdict_") }.sorted() }
        #expect(indexes == ["verdict_created_at", "verdict_rater"])
        let integrity = try (store.backend as! SQLiteBackend).pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func postgresCarriesEveryVerdictForward() throws {
        let url = try StoreKind.freshPostgresSchema()
        let connection = try PostgresConnection(url: url)
        defer { connection.close() }
        _ = try PostgresMigrations.migrate(connection, upTo: "v6-battle-leak")
        let ids = try Self.oldRows { sql, arguments in
            var n = 0
            let numbered = sql.map { character -> String in
                guard character == "?" else { return String(character) }
                n += 1
                return "$\(n)"
            }.joined()
            _ = try connection.execute(numbered, arguments.map { value in
                if let text = value as? String { return PostgresValue.string(text) }
                return .int(value as! Int)
            })
        }
        let store = try BattleStore(location: url)
        #expect(try store.appliedMigrations() == StoreKind.allMigrations)
        try Self.checkEveryVerdict(store, ids: ids)
    }

    /// Writes one three-seat battle per old verdict in v6's columns; returns the battle ids.
    static func oldRows(_ execute: (String, [any DatabaseValueConvertible & Sendable]) throws -> Void) throws -> [String] {
        try oldVerdicts.enumerated().map { index, old in
            let id = UUID().uuidString
            try execute("INSERT INTO battle (id, created_at, mode, blind, system_prompt, seat_count) VALUES (?, ?, 'screen', 1, NULL, 3)",
                        [id, 1_700_000_000 + index])
            for seat in 0..<3 {
                try execute("INSERT INTO seat VALUES (?, ?, ?, 'openai', 'id', 'http://127.0.0.1:1/v1')", [id, seat, "m\(seat)"])
            }
            try execute("INSERT INTO turn VALUES (?, 0, 'p', ?)", [id, 1_700_000_000 + index])
            for seat in 0..<3 {
                try execute("INSERT INTO answer (battle_id, turn_index, seat_index, text, finish_reason, tokens_estimated) VALUES (?, 0, ?, 'x', 'stop', 0)",
                            [id, seat])
            }
            if let winner = old.winner {
                try execute("INSERT INTO verdict (battle_id, turn_index, outcome, winner_seat, rater, created_at) VALUES (?, 0, ?, ?, 'ann', ?)",
                            [id, old.outcome, winner, 1_700_000_001 + index])
            } else {
                try execute("INSERT INTO verdict (battle_id, turn_index, outcome, rater, created_at) VALUES (?, 0, ?, 'ann', ?)",
                            [id, old.outcome, 1_700_000_001 + index])
            }
            return id
        }
    }

    static func checkEveryVerdict(_ store: BattleStore, ids: [String]) throws {
        let battles = try store.battles()
        #expect(battles.map { $0.battle.id.uuidString } == ids)
        #expect(battles.map { $0.verdicts[0]?.verdict } == oldVerdicts.map(\.meaning))
        #expect(try store.rankingVotes().map(\.record.verdict) == oldVerdicts.map(\.meaning))
        #expect(try store.verdictCount() == 4)
        // The upgraded store takes rankings.
        let battle = Self.battle(seats: 3)
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: try ranking("B>C>A", seats: 3),
                                              rater: "ann", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict.code == "B>C>A")
    }
}
