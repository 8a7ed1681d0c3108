import ArenaCore
import Foundation
import Testing

/// The leaderboard on data where some claims cannot be made: two groups that never met, a model
/// with a handful of votes, and many ties.
@Suite("arena leaderboard: components, too few votes, ties", .timeLimit(.minutes(1)))
struct LeaderboardDecisionTests {
    /// Group 0: alpha, beta (and gamma, 3 votes). Group 1: delta, epsilon, 30% of verdicts ties.
    static func imported() async throws -> ArenaProcess {
        var generator = SeededGenerator(seed: 5)
        var lines: [String] = []
        var time = 1_700_000_000
        func add(_ a: String, _ b: String, _ winner: String) {
            time += 1
            lines.append(#"{"model_a":"\#(a)","model_b":"\#(b)","winner":"\#(winner)","tstamp":\#(time)}"#)
        }
        for (a, b, pA) in [("alpha", "beta", 0.8), ("delta", "epsilon", 0.55)] {
            for _ in 0..<300 {
                let u = Double.random(in: 0..<1, using: &generator)
                add(a, b, u < 0.3 ? "tie" : u < 0.3 + 0.7 * pA ? "model_a" : "model_b")
            }
        }
        for _ in 0..<3 { add("gamma", "alpha", "model_a") }
        let arena = ArenaProcess()
        let file = arena.home.appendingPathComponent("battles.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try await arena.run(["import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return arena
    }

    @Test func groupsThatNeverMetAreRankedApartAndSmallSamplesSayTooFewVotes() async throws {
        let arena = try await Self.imported()
        let json = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "100"])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["model"] as! String, $0) })
        #expect(byName["alpha"]?["component"] as? Int == 0 && byName["gamma"]?["component"] as? Int == 0)
        #expect(byName["delta"]?["component"] as? Int == 1 && byName["epsilon"]?["component"] as? Int == 1)
        #expect(byName["alpha"]?["rank"] as? Int == 1 && byName["delta"]?["rank"] as? Int == 1)
        #expect(byName["gamma"]?["too_few_votes"] as? Bool == true)
        #expect(byName["gamma"]?["rank"] is NSNull && byName["gamma"]?["ci_low"] is NSNull)
        #expect(byName["alpha"]?["too_few_votes"] as? Bool == false)

        let text = try await arena.run(["leaderboard", "--bootstrap", "100"])
        #expect(text.stdout.hasPrefix("group") || text.stdout.contains("group  rank"), "\(text.stdout)")
        #expect(text.stdout.contains("too few votes"))
        #expect(text.stdout.contains("never met, directly or through other models"))
        #expect(text.stdout.contains("are ties or both bad: as half wins they pull every rating towards the mean"))
        #expect(text.stdout.contains("comparisons"))
        let stats = try await arena.run(["stats"])
        #expect(stats.stdout.contains("Groups: 2, never compared with each other, directly or through other models (A: alpha, beta, gamma; B: delta, epsilon)"), "\(stats.stdout)")
        // One rater, one day: a cap of 100 keeps the first 100 verdicts and says so.
        let capped = try await arena.run(["leaderboard", "--bootstrap", "50", "--cap-per-day", "100"])
        #expect(capped.stdout.contains("100 verdicts") && capped.stdout.contains("left out: 503 over the daily cap per rater"), "\(capped.stdout)")
        let davidson = try await arena.run(["leaderboard", "--bootstrap", "100", "--ties", "davidson"])
        #expect(!davidson.stdout.contains("compressed scale"))
    }

    @Test func pairsAcrossGroupsClaimNothing() async throws {
        let arena = try await Self.imported()
        let result = try await arena.run(["leaderboard", "--pairs", "--format", "json", "--bootstrap", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let models = try #require(object["models"] as? [[String: Any]])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(models.count == 5 && pairs.count == 10)
        func pair(_ a: String, _ b: String) -> [String: Any]? {
            pairs.first { Set([$0["a"] as? String, $0["b"] as? String]) == Set([a, b]) }
        }
        let across = try #require(pair("alpha", "delta"))
        #expect(across["same_component"] as? Bool == false && across["settled"] as? Bool == false)
        #expect(across["votes_needed"] is NSNull && across["p_order"] is NSNull)
        // 300 votes at 80 : 20 of the decisive ones settle alpha over beta under continuous monitoring.
        let strong = try #require(pair("alpha", "beta"))
        #expect(strong["same_component"] as? Bool == true && strong["settled"] as? Bool == true && strong["votes_needed"] as? Int == 0)
        // 55 : 45 after 300 votes is not settled, and says how many more votes would be.
        let close = try #require(pair("delta", "epsilon"))
        #expect(close["settled"] as? Bool == false)
        let needed = try #require(close["votes_needed"] as? Int)
        let low = try #require(close["votes_needed_low"] as? Int)
        #expect(needed > 0 && low <= needed)

        let text = try await arena.run(["leaderboard", "--pairs", "--bootstrap", "100"])
        #expect(text.stdout.contains("decision (anytime-valid, 95%)"))
        #expect(text.stdout.contains("never compared, directly or through other models"))
        #expect(text.stdout.contains("more votes (likely") || text.stdout.contains("could be far more"), "\(text.stdout)")
    }
}
