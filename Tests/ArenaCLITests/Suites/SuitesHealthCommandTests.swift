import ArenaCore
import ArenaStore
import Foundation
import Testing

/// `arena suites health` through the binary: a suite file, a store holding its judged battles,
/// the table and the JSON a script reads; `arena suites` still lists suites.
@Suite("arena suites health", .timeLimit(.minutes(1)))
struct SuitesHealthCommandTests {
    @Test func classifiesEachPromptAndSaysWhatToDo() async throws {
        let arena = ArenaProcess()
        try arena.writeSuite("s", """
            name: s
            prompts:
              - id: hard1
                text: Prove it.
              - id: hard2
                text: Prove it again.
              - id: easy
                text: Say hi.
              - id: unjudged
                text: Nobody asked.
            """)
        let store = try BattleStore(path: arena.storePath)
        var random = SeededGenerator(seed: 3)
        var battles = SuiteHealthTests.battles(prompt: "hard1", kind: .follows, count: 100, random: &random)
        battles += SuiteHealthTests.battles(prompt: "hard2", kind: .follows, count: 100, random: &random, start: 200)
        battles += SuiteHealthTests.battles(prompt: "easy", kind: .ties, count: 30, random: &random, start: 400)
        _ = try store.importBattles(battles)

        let json = try await arena.run(["suites", "health", "s", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let statuses = (object["prompts"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "")=\($0["status"] ?? "")" }
        #expect(statuses == ["hard1=discriminating", "hard2=discriminating", "easy=saturated", "unjudged=too few judgements"])

        let table = try await arena.run(["suites", "health", "s"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("retire it or make it harder"))
        #expect(table.stdout.contains("s: 4 prompts — 2 discriminating, 1 saturated, 1 too few judgements"))

        let list = try await arena.run(["suites"])
        #expect(list.status == 0 && list.stdout.contains("s "))
        let missing = try await arena.run(["suites", "health", "no-such-suite"])
        #expect(missing.status != 0 && !missing.stderr.isEmpty)
    }

    /// `--split test` keeps the held-out prompts only, in health, the suite's leaderboard and
    /// recommend; a split the suite does not mark is a clear error.
    @Test func aSplitNarrowsEveryCommandToItsPrompts() async throws {
        let arena = ArenaProcess()
        try arena.writeSuite("s", """
            name: s
            prompts:
              - { id: hard1, text: Prove it., split: dev }
              - { id: hard2, text: Prove it again., split: test }
              - { id: easy, text: Say hi., split: test }
            """)
        try arena.writeSuite("t", "name: t\nprompts:\n  - { id: only, text: x }\n")
        let store = try BattleStore(path: arena.storePath)
        var random = SeededGenerator(seed: 4)
        var battles = SuiteHealthTests.battles(prompt: "hard1", kind: .follows, count: 50, random: &random)
        battles += SuiteHealthTests.battles(prompt: "hard2", kind: .follows, count: 40, random: &random, start: 200)
        battles += SuiteHealthTests.battles(prompt: "easy", kind: .ties, count: 30, random: &random, start: 400)
        _ = try store.importBattles(battles)

        let health = try await arena.run(["suites", "health", "s", "--split", "test", "--format", "json"])
        #expect(health.status == 0, "\(health.stderr)")
        let ids = ((try JSONSerialization.jsonObject(with: Data(health.stdout.utf8)) as? [String: Any])?["prompts"] as? [[String: Any]] ?? [])
            .compactMap { $0["id"] as? String }
        #expect(ids == ["hard2", "easy"])

        let board = try await arena.run(["leaderboard", "--suite", "s", "--split", "test", "--bootstrap", "20"])
        #expect(board.status == 0, "\(board.stderr)")
        #expect(board.stdout.contains("70 verdicts"))
        let all = try await arena.run(["leaderboard", "--suite", "s", "--bootstrap", "20"])
        #expect(all.stdout.contains("120 verdicts"))

        let none = try await arena.run(["suites", "health", "t", "--split", "test"])
        #expect(none.status == 2 && none.stderr.contains("t marks no prompt `split: test`"))
        let bad = try await arena.run(["leaderboard", "--split", "test"])
        #expect(bad.status == 2 && bad.stderr.contains("--split needs --suite"))
        let recommend = try await arena.run(["recommend", "t", "--split", "dev", "--bar", "adequate>=0.9"])
        #expect(recommend.status == 2 && recommend.stderr.contains("marks no prompt `split: dev`"))
    }

    /// `arena suites split` writes the split into the file; the commands then read it.
    @Test func suitesSplitWritesTheFileOnceAndTheCommandsReadIt() async throws {
        let arena = ArenaProcess()
        try arena.writeSuite("s", "# kept\nname: s\nprompts:\n  - id: a\n    text: A?\n  - { id: b, text: B? }\n  - id: c\n    text: C?\n  - id: d\n    text: D?\n")
        let file = arena.home.appendingPathComponent("config/arena/prompts/s.yaml")
        let dry = try await arena.run(["suites", "split", "s", "--test", "0.5", "--seed", "3", "--dry-run"])
        let untouched = try String(contentsOf: file, encoding: .utf8)
        #expect(dry.status == 0 && dry.stdout.contains("split: test") && !untouched.contains("split"))
        let split = try await arena.run(["suites", "split", "s", "--test", "0.5", "--seed", "3"])
        #expect(split.status == 0, "\(split.stderr)")
        #expect(split.stdout.hasPrefix("s: 2 test ("))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# kept\n") && text.components(separatedBy: "split: test").count == 3)
        let again = try await arena.run(["suites", "split", "s"])
        #expect(again.status == 2 && again.stderr.contains("already has a split"))
        _ = try BattleStore(path: arena.storePath)
        let health = try await arena.run(["suites", "health", "s", "--split", "test", "--format", "json"])
        #expect(health.status == 0, "\(health.stderr)")
        #expect(((try JSONSerialization.jsonObject(with: Data(health.stdout.utf8)) as? [String: Any])?["prompts"] as? [Any])?.count == 2)
    }
}
