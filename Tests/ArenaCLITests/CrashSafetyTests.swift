import ArenaCore
import ArenaStore
import ArenaTestSupport
import Foundation
import GRDB
import Testing

/// arena killed with SIGKILL at random moments, and several arena processes writing one store:
/// the store stays intact, nothing acknowledged is lost, nothing is half-written.
@Suite("Crash safety and concurrent writers", .serialized, .timeLimit(.minutes(3)),
       .enabled(if: ProcessInfo.processInfo.environment["ARENA_STRESS_TESTS"] != nil,
                "spawns 100+ processes: run alone, as scripts/test.sh does (ARENA_STRESS_TESTS=1)"))
struct CrashSafetyTests {
    static func server() async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            let slow = request.uri.hasPrefix("/slow")
            return .openAIChat(["Some ", "answer ", "text ", "streaming."], delay: .milliseconds(slow ? 60 : 3))
        }
    }

    static func config(_ server: LocalStreamingServer) -> String {
        """
        models:
          - { name: fast, base_url: "\(server.baseURL.absoluteString)/fast/v1", model: f }
          - { name: slow, base_url: "\(server.baseURL.absoluteString)/slow/v1", model: s }
        """
    }

    static func importFile(_ arena: ArenaProcess, tag: String, rows: Int) throws -> (path: String, ids: Set<UUID>) {
        let text = (0..<rows).map { index in
            #"{"question_id":"\#(tag)-\#(index)","model_a":"alpha","model_b":"beta","winner":"\#(index % 2 == 0 ? "model_a" : "tie")","tstamp":\#(1_700_000_000 + index)}"#
        }.joined(separator: "\n")
        let path = arena.home.appendingPathComponent("\(tag).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let ids = Set(BattleImporter.parse(Data(text.utf8), file: path).battles.map(\.battle.id))
        return (path, ids)
    }

    /// Checks a store the way a careful user would after a crash.
    static func audit(_ path: String, acknowledged: Set<UUID>) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // No half-written battle: every battle has all its seats, a turn, and every seat's answer in it.
            let broken = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM battle b WHERE
                  (SELECT count(*) FROM seat s WHERE s.battle_id = b.id) != b.seat_count
                  OR NOT EXISTS (SELECT 1 FROM turn t WHERE t.battle_id = b.id)
                  OR EXISTS (SELECT 1 FROM turn t WHERE t.battle_id = b.id AND
                       (SELECT count(*) FROM answer a WHERE a.battle_id = t.battle_id AND a.turn_index = t.turn_index) != b.seat_count)
                """)
            #expect(broken == 0)
            let voted = Set(try String.fetchAll(db, sql: "SELECT battle_id FROM verdict").compactMap(UUID.init(uuidString:)))
            #expect(acknowledged.isSubset(of: voted), "\(acknowledged.subtracting(voted).count) acknowledged verdicts are missing")
        }
    }

    @Test func sigkillAtRandomMomentsLosesNothingAcknowledged() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess()
        try arena.writeConfig(Self.config(server))
        var generator = SeededGenerator(seed: 2024)
        var acknowledged = Set<UUID>()
        var kills = 0
        var round = 0
        while kills < 100, round < 400 {
            round += 1
            // Every tenth round is left to finish, so something is acknowledged however slow this
            // machine starts a process (an import of 400 rows takes about 350 ms in a debug build).
            let drawn = Duration.milliseconds(Int.random(in: 5...300, using: &generator))
            let delay = round % 10 == 0 ? .seconds(20) : drawn
            if round % 4 == 3 {
                let file = try Self.importFile(arena, tag: "r\(round)", rows: 400)
                let (result, killed) = try await arena.runKilled(["import", file.path], after: delay)
                if killed { kills += 1 } else if result.status == 0 { acknowledged.formUnion(file.ids) }
            } else {
                let (result, killed) = try await arena.runKilled(["ask", "--json", "--vote", "tie", "Round \(round)"], after: delay)
                if killed {
                    kills += 1
                } else if result.status == 0,
                          let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                          let id = (object["battle_id"] as? String).flatMap(UUID.init(uuidString:)) {
                    acknowledged.insert(id)
                }
            }
        }
        #expect(kills >= 100, "only \(kills) kills; the delays no longer hit running processes")
        #expect(!acknowledged.isEmpty)
        try Self.audit(arena.storePath, acknowledged: acknowledged)
        // And the store still works.
        let after = try await arena.run(["ask", "--json", "--vote", "tie", "After the storm"])
        #expect(after.status == 0, "\(after.stderr)")
        try await server.stop()
    }

    @Test func twoProcessesWritingAtOnceNeverSeeLocked() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess()
        try arena.writeConfig(Self.config(server))
        let first = try Self.importFile(arena, tag: "a", rows: 3000)
        let second = try Self.importFile(arena, tag: "b", rows: 3000)
        async let importA = arena.run(["import", first.path])
        async let importB = arena.run(["import", second.path])
        async let asks = withThrowingTaskGroup(of: ArenaProcess.Result.self) { group in
            for index in 0..<6 { group.addTask { try await arena.run(["ask", "--json", "--vote", "tie", "Concurrent \(index)"]) } }
            var results: [ArenaProcess.Result] = []
            for try await result in group { results.append(result) }
            return results
        }
        let results = try await [importA, importB] + asks
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.lowercased().contains("locked"))
        }
        let store = try BattleStore(path: arena.storePath)
        #expect(try store.battleCount() == 6006)
        try Self.audit(arena.storePath, acknowledged: first.ids.union(second.ids))
        try await server.stop()
    }
}
