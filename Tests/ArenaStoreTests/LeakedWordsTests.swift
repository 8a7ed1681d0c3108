@testable import ArenaStore
import ArenaCore
import Foundation
import GRDB
import PGClient
import Testing

/// A battle's identity words are a list: a word may hold a comma, the order found is kept, and a
/// store written when they were one comma-joined text reads as that text always read.
@Suite("Leaked words, on SQLite and on PostgreSQL")
struct LeakedWordsTests {
    static func leaked(_ words: [String], at second: Double = 0) -> StoredBattle {
        var battle = BattleStoreTests.battle()
        battle.createdAt = Date(timeIntervalSince1970: 1_700_000_000 + second)
        battle.turns[0].createdAt = battle.createdAt
        let verdict = VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .tie, rater: "ann", createdAt: battle.createdAt)
        return StoredBattle(battle: battle, verdicts: [0: verdict], leakedWords: words)
    }

    @Test(arguments: StoreKind.allCases)
    func aWordWithACommaRoundTrips(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let lists = [["gpt-4,turbo", "openai"], [",", "a,b,c", "日本語, 中文"], [], ["claude"]]
        let battles = lists.enumerated().map { Self.leaked($0.element, at: Double($0.offset)) }
        #expect(try store.importBattles(battles) == battles.count)
        #expect(try store.battles().map(\.leakedWords) == lists)
        #expect(try store.battle(id: battles[1].battle.id)?.leakedWords == [",", "a,b,c", "日本語, 中文"])
        #expect(try store.leakedBattleWords() == lists.filter { !$0.isEmpty })
        #expect(try store.rankingVotes().map(\.leaked) == [true, true, false, true])
    }

    /// Each turn saved stores the words of the whole battle so far, in the order found.
    @Test(arguments: StoreKind.allCases)
    func laterTurnsReplaceTheListAndEmptyWordsAreNotStored(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        var battle = BattleStoreTests.battle(answers: [Answer(seatIndex: 0, text: "I am ChatGPT.", finishReason: .stop),
                                                       Answer(seatIndex: 1, text: "Hi.", finishReason: .stop)])
        try store.save(battle: battle, turn: 0)
        #expect(try store.battle(id: battle.id)?.leakedWords == ["chatgpt"])
        battle.turns.append(BattleTurn(index: 1, prompt: "And you?", createdAt: battle.createdAt, answers: [
            Answer(seatIndex: 0, text: "Still me.", finishReason: .stop),
            Answer(seatIndex: 1, text: "Claude here, made by Anthropic.", finishReason: .stop),
        ]))
        try store.save(battle: battle, turn: 1)
        #expect(try store.battle(id: battle.id)?.leakedWords == ["chatgpt", "claude", "anthropic"])

        let imported = Self.leaked(["", "gemini", ""])
        _ = try store.importBattles([imported])
        #expect(try store.battle(id: imported.battle.id)?.leakedWords == ["gemini"])
    }
}

/// v6 turns `battle.leaked_words` (comma-joined) into `battle_leak` rows.
@Suite("Leaked words: migrating comma-joined text")
struct LeakedWordsMigrationTests {
    /// Stored texts, each with the list the old reader made of it.
    static let old: [(text: String, words: [String])] = [
        ("", []), ("gpt", ["gpt"]), ("gpt,openai", ["gpt", "openai"]), ("a,,b", ["a", "b"]), (",x,", ["x"]),
        (",", []), ("ünï,日本語,claude 3", ["ünï", "日本語", "claude 3"]), ("  spaced , words ", ["  spaced ", " words "]),
        ("chatgpt,openai,gpt,anthropic,claude,gemini", ["chatgpt", "openai", "gpt", "anthropic", "claude", "gemini"]),
    ]

    /// Rows as arena wrote them before v6 (the schema built by the released steps up to v5, the
    /// rows by hand): one battle per old text, each with two seats, one turn, answers and a tie.
    static func oldRows(placeholder p: (Int) -> String) -> [(sql: String, arguments: [String])] {
        old.enumerated().flatMap { number, entry -> [(sql: String, arguments: [String])] in
            let id = ids[number]
            return [
                ("INSERT INTO battle (id, created_at, mode, blind, system_prompt, seat_count, leaked_words) "
                 + "VALUES (\(p(1)), \(1_700_000_000 + number), 'ask', 1, NULL, 2, \(p(2)))", [id, entry.text]),
                ("INSERT INTO seat VALUES (\(p(1)), 0, 'smol', 'openai', 'id-smol', 'http://127.0.0.1:8080/v1'), "
                 + "(\(p(1)), 1, 'tiny', 'ollama', 'id-tiny', 'http://127.0.0.1:11434')", [id]),
                ("INSERT INTO turn VALUES (\(p(1)), 0, 'Who are you?', \(1_700_000_000 + number))", [id]),
                ("INSERT INTO answer (battle_id, turn_index, seat_index, text, finish_reason, tokens_estimated) "
                 + "VALUES (\(p(1)), 0, 0, 'One.', 'stop', 0), (\(p(1)), 0, 1, 'Two.', 'length', 1)", [id]),
                ("INSERT INTO verdict (battle_id, turn_index, outcome, winner_seat, rater, created_at) "
                 + "VALUES (\(p(1)), 0, 'tie', NULL, 'ann', \(1_700_000_100 + number))", [id]),
            ]
        }
    }

    static let ids = old.indices.map { _ in UUID().uuidString }

    @Test func sqliteCarriesEveryRowForward() throws {
        let path = BattleStoreTests.temporaryPath()
        try SQLiteBackend.preparePrivateFile(at: path)
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v5-judge-claims")
        try queue.write { db in
            for row in Self.oldRows(placeholder: { "?\($0)" }) { try db.execute(sql: row.sql, arguments: StatementArguments(row.arguments)) }
        }
        try queue.close()

        let store = try BattleStore(path: path)
        #expect(try store.appliedMigrations() == StoreKind.allMigrations)
        try Self.checkEveryRow(store)
        let columns = try (store.backend as! SQLiteBackend).pool.read { db in try db.columns(in: "battle").map(\.name) }
        #expect(!columns.contains("leaked_words"))
        let integrity = try (store.backend as! SQLiteBackend).pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func postgresCarriesEveryRowForward() throws {
        let url = try StoreKind.freshPostgresSchema()
        let connection = try PostgresConnection(url: url)
        defer { connection.close() }
        #expect(try PostgresMigrations.migrate(connection, upTo: "v5-judge-claims") == Array(StoreKind.allMigrations.prefix(5)))
        for row in Self.oldRows(placeholder: { "$\($0)" }) { try connection.execute(row.sql, row.arguments.map { .string($0) }) }

        let store = try BattleStore(location: url)
        #expect(try store.appliedMigrations() == StoreKind.allMigrations)
        try Self.checkEveryRow(store)
        let columns = try connection.execute("""
            SELECT column_name FROM information_schema.columns WHERE table_name = 'battle' AND table_schema = current_schema()
            """).rows.compactMap { try $0.string(at: 0) }
        #expect(!columns.isEmpty && !columns.contains("leaked_words"))
    }

    /// Every battle reads with the old reader's list, in every read path, and exports as before.
    static func checkEveryRow(_ store: BattleStore) throws {
        let battles = try store.battles()
        #expect(battles.map { $0.battle.id.uuidString } == ids)
        for (stored, entry) in zip(battles, old) {
            #expect(stored.leakedWords == entry.words, "\(entry.text)")
            #expect(entry.text.split(separator: ",").map(String.init) == entry.words)  // the old reader, as it was
            #expect(try store.battle(id: stored.battle.id)?.leakedWords == entry.words)
            // The export prints the list (it reads StoredBattle, whose list is the old reader's).
            let line = try ExportFormat.jsonl.line(try #require(BattleExporter.rows(for: stored).first))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["leaked_words"] as? [String] == entry.words && object["leaked"] as? Bool == !entry.words.isEmpty)
            #expect(stored.battle.seats.map(\.model.provider) == [.openai, .ollama])
            #expect(stored.battle.turns.first?.answers.map(\.finishReason) == [.stop, .length])
        }
        #expect(try store.leakedBattleWords() == old.map(\.words).filter { !$0.isEmpty })
        #expect(try store.rankingVotes().map(\.leaked) == old.map { !$0.words.isEmpty })
        // The migrated store keeps working: a word with a comma now round-trips.
        let fresh = LeakedWordsTests.leaked(["gpt,4"], at: 1000)
        _ = try store.importBattles([fresh])
        #expect(try store.battle(id: fresh.battle.id)?.leakedWords == ["gpt,4"])
    }
}
