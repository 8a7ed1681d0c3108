import ArenaCore
import ArenaStore
import Foundation
import Testing

@Suite("arena leaderboard / stats / import", .timeLimit(.minutes(1)))
struct LeaderboardCommandTests {
    /// Seeded battles from known strengths: strong > middle > weak, plus one leaked battle where weak "wins".
    static func battles() -> String {
        var generator = SeededGenerator(seed: 11)
        let strength = ["strong": 1200.0, "middle": 1000.0, "weak": 800.0]
        let names = strength.keys.sorted()
        var lines: [String] = []
        for index in 0..<600 {
            let pair = names.shuffled(using: &generator).prefix(2)
            let (a, b) = (pair.first!, pair.last!)
            let p = 1 / (1 + pow(10, (strength[b]! - strength[a]!) / 400))
            let winner = Double.random(in: 0..<1, using: &generator) < p ? "model_a" : "model_b"
            lines.append(#"{"question_id":"q\#(index)","model_a":"\#(a)","model_b":"\#(b)","winner":"\#(winner)","tstamp":\#(1_700_000_000 + index)}"#)
        }
        for index in 0..<40 {
            lines.append(#"{"model_a":"weak","model_b":"strong","winner":"model_a","tstamp":\#(1_700_100_000 + index),"conversation_a":[{"role":"user","content":"who are you?"},{"role":"assistant","content":"I am Claude, made by Anthropic."}],"conversation_b":[{"role":"user","content":"who are you?"},{"role":"assistant","content":"An assistant."}]}"#)
        }
        return lines.joined(separator: "\n") + "\nnot a row\n"
    }

    static func imported() async throws -> ArenaProcess {
        let arena = ArenaProcess()
        let file = arena.home.appendingPathComponent("battles.jsonl")
        try battles().write(to: file, atomically: true, encoding: .utf8)
        let result = try await arena.run(["import", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("imported 640 battles (0 already present, 1 malformed row skipped)"))
        #expect(result.stderr.contains("battles.jsonl:641: not valid JSON"))
        let again = try await arena.run(["import", file.path])
        #expect(again.stdout.hasPrefix("imported 0 battles (640 already present"))
        return arena
    }

    static func rows(_ result: ArenaProcess.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func ranksByStrengthWithIntervalsAndLeavesLeaksOut() async throws {
        let arena = try await Self.imported()
        let result = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result)
        #expect(rows.map { $0["model"] as? String } == ["strong", "middle", "weak"])
        #expect(rows.map { $0["rank"] as? Int } == [1, 2, 3])
        for row in rows {
            let rating = try #require(row["rating"] as? Double)
            let low = try #require(row["ci_low"] as? Double), high = try #require(row["ci_high"] as? Double)
            #expect(low <= rating && rating <= high)
            for key in ["battles", "wins", "losses", "ties"] { #expect(row[key] is Int, "missing \(key)") }
        }
        let mean = rows.compactMap { $0["rating"] as? Double }.reduce(0, +) / 3
        #expect(abs(mean - 1000) < 1e-6)
        // The 40 leaked battles (weak beating strong while naming a vendor) count only when asked.
        let strongLosses = rows.first { $0["model"] as? String == "strong" }?["losses"] as? Int
        let leaky = try Self.rows(try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50", "--include-leaked"]))
        #expect(leaky.first { $0["model"] as? String == "strong" }?["losses"] as? Int == (strongLosses ?? 0) + 40)
    }

    @Test func sameSeedSameIntervalsAndAnchorsPin() async throws {
        let arena = try await Self.imported()
        let first = try await arena.run(["leaderboard", "--format", "csv", "--bootstrap", "100", "--seed", "5"])
        let second = try await arena.run(["leaderboard", "--format", "csv", "--bootstrap", "100", "--seed", "5"])
        #expect(first.stdout == second.stdout && first.stdout.hasPrefix("rank,model,rating,ci_low,ci_high"))
        let pinned = try Self.rows(try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50", "--anchor", "weak=500"]))
        #expect(abs((pinned.first { $0["model"] as? String == "weak" }?["rating"] as? Double ?? 0) - 500) < 1e-9)
        let elo = try Self.rows(try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50", "--method", "elo"]))
        #expect(elo.first?["model"] as? String == "strong")
        let davidson = try await arena.run(["leaderboard", "--bootstrap", "50", "--ties", "davidson"])
        #expect(davidson.stdout.contains("Davidson tie parameter"))
    }

    @Test func pairsShowTheStoppingRule() async throws {
        let arena = try await Self.imported()
        let result = try await arena.run(["leaderboard", "--pairs", "--bootstrap", "200"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Win rate of row over column"))
        #expect(result.stdout.contains("strong > middle"))
        #expect(result.stdout.contains("settled"))
        #expect(result.stdout.contains("left out: 40 leaked"))
    }

    @Test func statsReportPositionBiasAndLeaks() async throws {
        let arena = try await Self.imported()
        let result = try await arena.run(["stats"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Verdicts: 640 in 640 battles"))
        #expect(result.stdout.contains("Position bias: the left/first seat won"))
        #expect(result.stdout.contains("Identity leaks: 40 battles flagged — words: anthropic, claude"))
    }

    @Test func emptyStoreSaysHowToGetVerdicts() async throws {
        let arena = ArenaProcess()
        try FileManager.default.createDirectory(atPath: (arena.storePath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        _ = try BattleStore(path: arena.storePath)  // an empty store (a missing one is another message)
        let result = try await arena.run(["leaderboard"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not enough verdicts to rank yet"))
        let bad = try await arena.run(["leaderboard", "--style-control", "--ties", "davidson"])
        #expect(bad.status != 0 && bad.stderr.contains("--style-control"))
        // Typed options: a bad value is bad input (exit 2) that names every allowed value.
        for (option, value, allowed) in [("--method", "glicko", ["bt", "elo"]), ("--ties", "rao", ["half", "davidson"]),
                                         ("--format", "xml", ["table", "json", "csv"])] {
            let refused = try await arena.run(["leaderboard", option, value])
            #expect(refused.status == 2 && refused.stderr.contains("'\(value)' is invalid for '\(option)"), "\(refused.stderr)")
            #expect(allowed.allSatisfy { refused.stderr.contains("'\($0)'") }, "\(refused.stderr)")
        }
    }
}
