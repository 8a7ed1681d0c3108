import ArenaCore
import ArenaStore
import Foundation
import Testing

@Suite("Store, on SQLite and on PostgreSQL")
struct BattleStoreTests {
    static func temporaryPath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arena-store-\(UUID().uuidString)")
        return directory.appendingPathComponent("nested/arena.sqlite").path
    }

    static func battle(answers: [Answer]? = nil) -> Battle {
        let models = ["smol", "tiny"].map { ModelConfig(name: $0, baseURL: URL(string: "http://127.0.0.1:8080/v1")!, model: "id-\($0)",
                                                         apiKeyEnv: "SECRET_VAR") }
        var battle = Battle(createdAt: Date(timeIntervalSince1970: 1_700_000_000.5), mode: .ask, blind: true,
                            systemPrompt: "Be brief.", seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        battle.turns = [BattleTurn(index: 0, prompt: "Explain CRDTs", createdAt: battle.createdAt, answers: answers ?? [
            Answer(seatIndex: 0, text: "CRDTs merge.", reasoning: "think", finishReason: .stop,
                   metrics: AnswerMetrics(ttftMs: 120.5, durationMs: 900, inputTokens: 20, outputTokens: 5,
                                          tokensEstimated: false, costUSD: 0.0001)),
            Answer(seatIndex: 1, text: "Partial", finishReason: .error, error: ProviderError(.idleTimeout, "stalled"),
                   metrics: AnswerMetrics(ttftMs: 50, durationMs: 5000, outputTokens: 2, tokensEstimated: true)),
        ])]
        return battle
    }

    /// A reasoning-only identity leak is flagged in the store, as the screen flags it.
    @Test func aReasoningOnlyLeakIsStoredAsLeaked() throws {
        let store = try BattleStore(path: Self.temporaryPath())
        let battle = Self.battle(answers: [
            Answer(seatIndex: 0, text: "Hello!", reasoning: "I am ChatGPT, so greet politely.", finishReason: .stop),
            Answer(seatIndex: 1, text: "Hi.", finishReason: .stop),
        ])
        try store.save(battle: battle, turn: 0)
        let stored = try #require(try store.battles().first)
        #expect(stored.isLeaked && stored.leakedWords == ["chatgpt"])
    }

    @Test func migratesFromEmptyWithPrivateFiles() throws {
        let path = Self.temporaryPath()
        let store = try BattleStore(path: path)
        #expect(try store.appliedMigrations() == StoreKind.allMigrations)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        // Opening again applies nothing new and keeps working.
        let again = try BattleStore(path: path)
        #expect(try again.battleCount() == 0)
    }

    @Test(arguments: StoreKind.allCases) func roundTripsABattleAndItsVerdict(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battle = Self.battle()
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(0), rater: "alice",
                                              createdAt: Date(timeIntervalSince1970: 1_700_000_010)))
        let loaded = try #require(try store.battle(id: battle.id))
        #expect(loaded.battle.turns == battle.turns)
        #expect(loaded.battle.seats.map(\.model.name) == ["smol", "tiny"])
        #expect(loaded.battle.systemPrompt == "Be brief.")
        #expect(loaded.battle.createdAt == battle.createdAt)
        #expect(loaded.verdicts[0]?.verdict == .seat(0))
        #expect(loaded.verdicts[0]?.rater == "alice")
        #expect(try store.verdictCount() == 1)
        #expect(try store.battles().count == 1)
    }

    @Test(arguments: StoreKind.allCases) func aFailedSeatCannotWinAndAVerdictNeedsItsTurn(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battle = Self.battle()
        #expect(throws: StoreError.self) {
            try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .tie, rater: "a", createdAt: Date()))
        }
        try store.save(battle: battle, turn: 0)
        #expect(throws: StoreError.self) {
            try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(1), rater: "a", createdAt: Date()))
        }
        #expect(try store.verdictCount() == 0)
    }

    @Test(arguments: StoreKind.allCases) func aRejectedTurnLeavesNothingHalfWritten(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        // Seat 5 does not exist: the answer's foreign key fails after the battle, seats and turn were inserted.
        let bad = Self.battle(answers: [Answer(seatIndex: 0, text: "ok", finishReason: .stop),
                                        Answer(seatIndex: 5, text: "ghost", finishReason: .stop)])
        #expect(throws: StoreError.self) { try store.save(battle: bad, turn: 0) }
        #expect(try store.battleCount() == 0)
        #expect(try store.battles().isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func revotingReplacesAndUndoRemoves(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battle = Self.battle()
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .tie, rater: "a", createdAt: Date()))
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .bothBad, rater: "a", createdAt: Date()))
        #expect(try store.battle(id: battle.id)?.verdicts[0]?.verdict == .bothBad)
        try store.deleteVerdict(battleID: battle.id, turn: 0)
        #expect(try store.verdictCount() == 0)
    }

    @Test func storesNoKeysOrKeyVariables() throws {
        let path = Self.temporaryPath()
        let store = try BattleStore(path: path)
        try store.save(battle: Self.battle(), turn: 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        #expect(!String(decoding: bytes + wal, as: UTF8.self).contains("SECRET_VAR"))
    }

    @Test func unopenableStoreGivesOneLine() {
        do {
            _ = try BattleStore(path: "/proc/arena/none.sqlite")
            Issue.record("opened an impossible path")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains("/proc/arena"))
        }
    }
}

@Suite("Store import")
struct StoreImportTests {
    @Test(arguments: StoreKind.allCases) func importingTwiceAddsNothing(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let rows = """
            {"model_a":"alpha","model_b":"beta","winner":"model_a","tstamp":1700000000}
            {"model_a":"alpha","model_b":"gamma","winner":"tie","tstamp":1700000100}
            """
        let parsed = BattleImporter.parse(Data(rows.utf8), file: "f")
        #expect(try store.importBattles(parsed.battles) == 2)
        #expect(try store.importBattles(parsed.battles) == 0)
        #expect(try store.battleCount() == 2)
        #expect(try store.verdictCount() == 2)
        let loaded = try store.battles()
        #expect(loaded.map { $0.battle.mode } == [.imported, .imported])
        #expect(loaded[0].verdicts[0]?.verdict == .seat(0))
    }
}
