@testable import ArenaStore
import ArenaCore
import Foundation
import GRDB
import Testing

/// A store written by every earlier schema version, with data, opens and migrates to the newest
/// without losing anything.
@Suite("Schema migrations")
struct MigrationTests {
    static let all = StoreKind.allMigrations

    @Test func theMigrationListIsAppendOnly() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue)
        #expect(try queue.read { try StoreMigrations.migrator.appliedMigrations($0) } == Self.all)
        // PostgreSQL has the same steps under the same names.
        #expect(PostgresMigrations.steps.map(\.name) == Self.all)
    }

    @Test(arguments: Self.all.dropLast())
    func upgradesAStoreWrittenAt(_ version: String) throws {
        let path = BattleStoreTests.temporaryPath()
        try SQLiteBackend.preparePrivateFile(at: path)
        // Write the store as that version would have: schema up to it, then rows in its columns.
        let pool = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(pool, upTo: version)
        let battle = BattleStoreTests.battle()
        // v6 moved `battle.leaked_words` into its own table.
        let hasLeakColumn = Self.all.firstIndex(of: version)! < Self.all.firstIndex(of: "v6-battle-leak")!
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO battle (id, created_at, mode, blind, system_prompt, seat_count\(hasLeakColumn ? ", leaked_words" : ""))
                VALUES (?, 1700000000, 'ask', 1, 'Be brief.', 2\(hasLeakColumn ? ", ''" : ""));
                INSERT INTO seat VALUES (?, 0, 'smol', 'openai', 'id-smol', 'http://127.0.0.1:8080/v1');
                INSERT INTO seat VALUES (?, 1, 'tiny', 'openai', 'id-tiny', 'http://127.0.0.1:8080/v1');
                INSERT INTO turn VALUES (?, 0, 'Explain CRDTs', 1700000000);
                INSERT INTO answer (battle_id, turn_index, seat_index, text, finish_reason, tokens_estimated)
                VALUES (?, 0, 0, 'CRDTs merge.', 'stop', 1), (?, 0, 1, 'Later.', 'stop', 0);
                INSERT INTO verdict (battle_id, turn_index, outcome, winner_seat, rater, created_at)
                VALUES (?, 0, 'seat', 1, 'alice', 1700000010);
                """, arguments: StatementArguments(Array(repeating: battle.id.uuidString, count: 7)))
        }
        try pool.close()

        let store = try BattleStore(path: path)
        #expect(try store.appliedMigrations() == Self.all)
        let loaded = try #require(try store.battle(id: battle.id))
        #expect(loaded.battle.seats.map(\.model.name) == ["smol", "tiny"])
        #expect(loaded.battle.turns.first?.answers.map(\.text) == ["CRDTs merge.", "Later."])
        #expect(loaded.verdicts[0]?.verdict == .seat(1) && loaded.verdicts[0]?.blind == true)
        #expect(loaded.battle.origin == nil)
        // And the new tables work on the upgraded file.
        try store.save(runAnswer: RunAnswer(key: .init(suite: "s", promptID: "p", repeatIndex: 0, model: "smol"), provider: .openai,
                                            modelID: "id", promptFingerprint: "f", conversation: [],
                                            answer: Answer(seatIndex: 0, text: "x", finishReason: .stop), createdAt: Date()))
        #expect(try store.runAnswers(suite: "s").count == 1)
        let integrity = try (store.backend as! SQLiteBackend).pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
