import ArenaCore
import Foundation
import Testing

/// Commands that only read the store never create one; the ones that record do.
@Suite("Read-only commands and a missing store", .serialized, .timeLimit(.minutes(2)))
struct ReadOnlyStoreTests {
    @Test func readingCommandsSayThereIsNoStoreAndCreateNothing() async throws {
        let arena = ArenaProcess()
        let suite = arena.home.appendingPathComponent("s.yaml").path
        try "name: s\nprompts:\n  - id: p\n    text: Question?\n".write(toFile: suite, atomically: true, encoding: .utf8)
        let dataDirectory = arena.home.appendingPathComponent("data").path
        for arguments in [["leaderboard"], ["stats"], ["export"], ["export", "--out", arena.home.appendingPathComponent("x.jsonl").path],
                          ["recommend", suite, "--bar", "adequate>=0.9"]] {
            let result = try await arena.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("arena: no store at \(arena.storePath) (nothing has been recorded yet"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: dataDirectory), "\(arguments) created \(dataDirectory)")
        }
        #expect(!FileManager.default.fileExists(atPath: arena.home.appendingPathComponent("x.jsonl").path))
        let elsewhere = arena.home.appendingPathComponent("deep/er/store.sqlite").path
        let named = try await arena.run(["stats", "--store", elsewhere])
        #expect(named.status == 1 && named.stderr.contains("no store at \(elsewhere)"))
        #expect(!FileManager.default.fileExists(atPath: arena.home.appendingPathComponent("deep").path))
    }

    @Test func exportToAFileSaysHowManyRows() async throws {
        let arena = ArenaProcess()
        let battles = arena.home.appendingPathComponent("one.jsonl")
        try #"{"question_id":"q1","model_a":"a","model_b":"b","winner":"model_a","tstamp":1700000000}"#
            .write(to: battles, atomically: true, encoding: .utf8)
        let imported = try await arena.run(["import", battles.path])  // a writing command: creates the store
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 1 battle (0 already present, 0 malformed rows skipped)"))
        let out = arena.home.appendingPathComponent("out.jsonl").path
        let one = try await arena.run(["export", "--out", out])
        #expect(one.status == 0)
        #expect(one.stdout.isEmpty)
        #expect(one.stderr == "arena: wrote 1 row to \(out)\n")
        try (#"{"question_id":"q1","model_a":"a","model_b":"b","winner":"model_a","tstamp":1700000000}"# + "\n"
             + #"{"question_id":"q2","model_a":"b","model_b":"a","winner":"tie","tstamp":1700000100}"#)
            .write(to: battles, atomically: true, encoding: .utf8)
        _ = try await arena.run(["import", battles.path])
        let two = try await arena.run(["export", "--format", "csv", "--out", out])
        #expect(two.stderr == "arena: wrote 2 rows to \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n").count == 3)  // header + 2 rows
        let stats = try await arena.run(["stats"])
        #expect(stats.stdout.contains("Verdicts: 2 in 2 battles"))
        #expect(stats.stdout.contains("Identity leaks: 0 battles flagged"))
    }
}
