import ArenaTestTraits
import ArenaCore
import ArenaStore
import ArenaTestSupport
import Foundation
import PGTestSupport
import Testing

/// Several people judging one suite at once on a team store, as real `arena judge` processes in
/// real terminals (tmux): every comparison is judged exactly once, and every vote cast is stored.
@Suite("Team judging", .timeLimit(.minutes(3)))
struct TeamJudgingTests {
    static let suite = """
        name: team
        system: Answer briefly.
        prompts:
          - id: p1
            text: First question?
          - id: p2
            text: Second question?
          - id: p3
            text: Third question?
          - id: p4
            text: Fourth question?
        """
    static let models = ["ant", "bee", "cat"]
    static let words = ["ant": "Crisp", "bee": "Brief", "cat": "Terse"]

    @Test func threeJudgesAtOnceNeverShareAComparisonAndLoseNoVote() async throws {
        try #require(TmuxPane.isInstalled, "tmux is needed for this test (.ci/run installs it)")
        let (url, password) = try TeamStoreCommandTests.teamStore()
        let server = try await LocalStreamingServer.start { request in
            let model = request.uri.split(separator: "/").first.map(String.init) ?? "?"
            let prompt = ((request.json?["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
            return .openAIChat(["\(Self.words[model] ?? "Plain") answer ", "to: \(prompt)"])
        }
        let arena = ArenaProcess(extraEnvironment: ["PGPASSWORD": password, "ARENA_STORE": url])
        try arena.writeConfig("models:\n" + Self.models.map { name in
            "  - name: \(name)\n    base_url: \(server.baseURL.absoluteString)/\(name)/v1\n    model: id-\(name)\n"
        }.joined())
        let suitePath = arena.home.appendingPathComponent("team.yaml").path
        try Self.suite.write(toFile: suitePath, atomically: true, encoding: .utf8)

        // The batch run, stored in the team store.
        let run = try await arena.run(["run", suitePath])
        #expect(run.status == 0, "\(run.stderr)")

        // Three judges start together and vote as fast as their screens offer a comparison.
        let judges = ["ana", "bo", "cy"]
        let panes = try judges.enumerated().map { number, rater in
            try TmuxPane.start([ArenaProcess.binary.path, "judge", suitePath, "--seed", "\(number + 1)"],
                               environment: arena.environment.merging(["USER": rater]) { $1 })
        }
        defer { panes.forEach { $0.kill() } }
        let outcome = await onOwnThread { Self.judgeUntilDone(panes) }
        #expect(outcome.finished, "screens at the end:\n\(panes.map { $0.screen() }.joined(separator: "\n----\n"))")
        #expect(outcome.votes.reduce(0, +) == 12, "votes cast per judge: \(outcome.votes)")
        #expect(outcome.votes.allSatisfy { $0 > 0 }, "every judge was offered work at the same time: \(outcome.votes)")
        for pane in panes { try pane.send("q") }  // nothing left to judge: one q quits

        // The store: 12 judged battles of the suite, one per comparison, each with its verdict,
        // by the judge who cast it.
        let store = try BattleStore(location: url.replacingOccurrences(of: "arena@", with: "arena:\(password)@"))
        let judged = try store.battles().filter { $0.battle.origin?.suite == "team" }
        let comparisons = judged.map { battle in
            "\(battle.battle.origin?.promptID ?? "")#" + battle.battle.seats.map(\.model.name).sorted().joined(separator: "|")
        }
        #expect(judged.count == 12)
        #expect(Set(comparisons).count == 12, "a comparison was judged twice: \(comparisons.sorted())")
        #expect(judged.allSatisfy { $0.verdicts[0] != nil })
        let perRater = Dictionary(grouping: judged.compactMap { $0.verdicts[0]?.rater }, by: { $0 }).mapValues(\.count)
        #expect(judges.map { perRater[$0] ?? 0 } == outcome.votes)

        try await Self.everyOtherCommandWorks(arena, suitePath: suitePath, store: store)
        try await server.stop()
    }

    /// The rest of a team's day on the same store: the arena screen in tmux, `ask`, `recommend`,
    /// `leaderboard`, `stats` and `export`.
    static func everyOtherCommandWorks(_ arena: ArenaProcess, suitePath: String, store: BattleStore) async throws {
        let screen = try TmuxPane.start([ArenaProcess.binary.path], environment: arena.environment.merging(["USER": "dee"]) { $1 })
        defer { screen.kill() }
        let voted = await onOwnThread { () -> Bool in
            guard screen.wait({ $0.contains("postgres://arena@") && $0.contains("12 verdicts") }) else { return false }
            // Typed, then Enter on its own once the text is on screen (so it was read apart).
            try? screen.send("Name a colour.")
            guard screen.wait({ $0.contains("› Name a colour.") }) else { return false }
            try? screen.send("Enter")
            guard screen.wait({ $0.contains("Vote:") }) else { return false }
            // Three seats vote by ranking: B alone, then Enter, is "B won".
            try? screen.send("2")
            guard screen.wait({ $0.contains("1st") }) else { return false }
            try? screen.send("Enter")
            return screen.wait { $0.contains("13 verdicts") && $0.contains("TTFT") }
        }
        #expect(voted, "the arena screen on the team store:\n\(screen.screen())")
        #expect(!screen.screen().contains("secret-pw"))
        try screen.send("q", "q")

        let ask = try await arena.run(["ask", "--json", "--vote", "tie", "Name a fruit."])
        #expect(ask.status == 0, "\(ask.stderr)")
        #expect(try store.verdictCount() == 14)
        let recommend = try await arena.run(["recommend", suitePath, "--bar", "vs=ant,winrate>=0.1"])
        #expect(recommend.status == 0, "\(recommend.stderr)")
        #expect(["ant", "bee", "cat"].allSatisfy { recommend.stdout.contains($0) }, "\(recommend.stdout)")
        let leaderboard = try await arena.run(["leaderboard", "--bootstrap", "50"])
        #expect(leaderboard.status == 0 && leaderboard.stdout.contains("ant"), "\(leaderboard.stderr)")
        let stats = try await arena.run(["stats"])
        #expect(stats.stdout.contains("Verdicts: 14 in 14 battles"), "\(stats.stdout)\(stats.stderr)")
        let export = try await arena.run(["export", "--all"])
        #expect(export.status == 0 && export.stdout.split(separator: "\n").count >= 14, "\(export.stderr)")
        for result in [ask, recommend, leaderboard, stats, export] { #expect(!(result.stdout + result.stderr).contains("secret-pw")) }
    }

    struct Outcome: Sendable {
        var votes: [Int]
        var finished: Bool
    }

    /// Once every screen shows its first comparison (each judge holds one), round-robin over
    /// the screens: whenever one shows a comparison it has not voted on yet, vote on it (A, B,
    /// tie, both bad in turn, with the keys the screen offers), until every screen says nothing is
    /// left. A comparison is told apart by its caption ("team · p3 · 4 judged, 7 left"), whose
    /// count includes the verdicts already in the store when that judge started.
    static func judgeUntilDone(_ panes: [TmuxPane]) -> Outcome {
        let keys = ["1", "2", "t", "x"]
        var votes = Array(repeating: 0, count: panes.count)
        var done = Array(repeating: false, count: panes.count)
        var votedOn = Array(repeating: "", count: panes.count)
        func caption(_ screen: String) -> String {
            screen.split(separator: "\n").first { $0.contains(" judged, ") && $0.contains(" left") }.map(String.init) ?? ""
        }
        for pane in panes { _ = pane.wait(timeout: .seconds(60)) { $0.contains("vote to continue") && !caption($0).isEmpty } }
        let deadline = ContinuousClock.now + .seconds(90)
        func finished(_ screen: String) -> Bool { screen.lowercased().contains("nothing left to judge") }
        func unvoted(_ index: Int, _ screen: String) -> Bool {
            let shown = caption(screen)
            return screen.contains("vote to continue") && !shown.isEmpty && shown != votedOn[index]
        }
        while !done.allSatisfy({ $0 }) {
            guard let (index, screen) = TmuxPane.waitAny(panes, until: deadline, { index, screen in
                !done[index] && (finished(screen) || unvoted(index, screen))
            }) else { break }
            if finished(screen) {
                done[index] = true
            } else {
                try? panes[index].send(keys[(votes[index] + index) % keys.count])
                votedOn[index] = caption(screen)
                votes[index] += 1
            }
        }
        return Outcome(votes: votes, finished: done.allSatisfy { $0 })
    }
}
