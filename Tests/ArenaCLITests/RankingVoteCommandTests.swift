import ArenaCore
import ArenaRanking
import ArenaStore
import ArenaTestSupport
import Foundation
import Testing

/// Ranking votes from the command line (`arena ask --vote 'C>A=D>B'`), the native battle export
/// (`--format arena-jsonl`) and its idempotent import, and the leaderboard on N-way data.
@Suite("arena ask --vote ranking / export arena-jsonl / import", .timeLimit(.minutes(2)))
struct RankingVoteCommandTests {
    static func server() async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/broken") {
                return .json(500, #"{"error":{"message":"model crashed","type":"internal_server_error"}}"#)
            }
            let name = request.uri.split(separator: "/").first.map(String.init) ?? "?"
            return .openAIChat(["Answer ", "from ", "the ", "\(name.count)-letter model."], usage: (prompt: 10, completion: 4))
        }
    }

    @Test func askStoresAFullAndAPartialRanking() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["able", "baker", "charlie", "dog"]))
        let full = try await arena.run(["ask", "--json", "--seed", "3", "--vote", "c>a=d>b", "Rank these"])
        #expect(full.status == 0, "\(full.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "C>A=D>B")
        let partial = try await arena.run(["ask", "--seed", "3", "--vote", "B>D", "Rank again"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("verdict: ranked B > D"))
        let store = try BattleStore(path: arena.storePath)
        let verdicts = try store.battles().compactMap { $0.verdicts[0]?.verdict }
        #expect(verdicts.map(\.code) == ["C>A=D>B", "B>D"])
        guard case .ranking(let ranking) = verdicts.last else { Issue.record("not a ranking"); return }
        #expect(ranking.unranked == [0, 2])
        try await server.stop()
    }

    @Test func aBadRankingIsBadInputAndAFailedSeatCannotBeRanked() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["able", "baker", "broken"]))
        let twice = try await arena.run(["ask", "--vote", "A>A", "Q"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("--vote A>A: seat A appears twice; expected a seat label (A…C), tie, bad, skip or a ranking"))
        #expect(try BattleStore(path: arena.storePath).battles().isEmpty)   // refused before anything ran
        let probe = try await arena.run(["ask", "--json", "--seed", "9", "--vote", "skip", "Q"])
        let seats = try #require((try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])?["seats"] as? [[String: Any]])
        let broken = try #require(seats.first { $0["model"] as? String == "broken" }?["label"] as? String)
        let other = try #require(seats.first { $0["model"] as? String != "broken" }?["label"] as? String)
        let result = try await arena.run(["ask", "--seed", "9", "--vote", "\(other)>\(broken)", "Q"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("arena: \(broken) failed, so it cannot be ranked; the battle is stored without a verdict\n"), "\(result.stderr)")
        try await server.stop()
    }

    /// Four-way battles ranked from known strengths, as native lines (what another store exported).
    static func nativeLines(count: Int) throws -> String {
        let names = ["north", "east", "south", "west", "centre"]
        let simulator = RankedBattleSimulator(ratings: [1150, 1050, 1000, 950, 850], tieWeights: [2: 0.3])
        var lines: [String] = []
        for (i, ranked) in simulator.battles(count: count, seats: 4, seed: 21).enumerated() {
            let models = ranked.models.sorted()
            let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(i) * 60)
            var battle = Battle(id: StableID.uuid(from: "native-\(i)"), createdAt: date, mode: .screen, blind: true, systemPrompt: "Be brief.",
                                seats: models.enumerated().map { Seat(index: $0.offset, model: ModelConfig(
                                    name: names[$0.element], baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "id-\(names[$0.element])")) })
            battle.turns = [BattleTurn(index: 0, prompt: "Question \(i)", createdAt: date, answers: models.indices.map { seat in
                Answer(seatIndex: seat, text: "Answer \(seat) to \(i)", finishReason: .stop,
                       metrics: AnswerMetrics(ttftMs: 100 + Double(seat), durationMs: 800, inputTokens: 9, outputTokens: 5,
                                              tokensEstimated: false, costUSD: 0.0001 * Double(seat + 1)))
            })]
            let verdict = try SeatRanking(groups: ranked.groups.map { $0.map { models.firstIndex(of: $0)! } }, seatCount: 4).verdict
            let record = VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict, rater: "ann", createdAt: date.addingTimeInterval(5))
            lines.append(try BattleLine(StoredBattle(battle: battle, verdicts: [0: record], leakedWords: [])).json())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func nativeExportImportsIntoAnotherStoreUnchangedAndOnlyOnce() async throws {
        let source = ArenaProcess()
        let file = source.home.appendingPathComponent("native.jsonl")
        try Self.nativeLines(count: 120).write(to: file, atomically: true, encoding: .utf8)
        let first = try await source.run(["import", file.path])
        #expect(first.status == 0 && first.stdout.hasPrefix("imported 120 battles (0 already present, 0 malformed rows skipped)"), "\(first.stdout)\(first.stderr)")
        let exported = try await source.run(["export", "--format", "arena-jsonl"])
        #expect(exported.status == 0)
        #expect(exported.stdout == (try Self.nativeLines(count: 120)))       // what came in goes out, byte for byte

        let target = ArenaProcess()
        let copy = target.home.appendingPathComponent("copy.jsonl")
        try exported.stdout.write(to: copy, atomically: true, encoding: .utf8)
        let imported = try await target.run(["import", copy.path])
        #expect(imported.stdout.hasPrefix("imported 120 battles (0 already present"))
        let again = try await target.run(["import", copy.path])
        #expect(again.stdout.hasPrefix("imported 0 battles (120 already present"))
        let sourceBattles = try BattleStore(path: source.storePath).battles()
        let targetBattles = try BattleStore(path: target.storePath).battles()
        #expect(sourceBattles == targetBattles)
        // Pairwise rows of a ranking: 4 seats, every pair ordered (a full ranking) → 6 rows each.
        let pairs = try await target.run(["export"])
        #expect(pairs.stdout.split(separator: "\n").count == 120 * 6)

        // Both stores rank by Plackett–Luce over whole battles, with the same numbers.
        let boardA = try await source.run(["leaderboard", "--format", "json", "--bootstrap", "100"])
        let boardB = try await target.run(["leaderboard", "--format", "json", "--bootstrap", "100"])
        #expect(boardA.status == 0 && boardA.stdout == boardB.stdout, "\(boardA.stderr)")
        let text = try await target.run(["leaderboard", "--bootstrap", "100"])
        #expect(text.stdout.contains("Plackett–Luce over whole battles, ties as half wins"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(boardA.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["model"] as? String == "north" && rows.last?["model"] as? String == "centre")
    }

    @Test func aBrokenNativeLineIsReportedAndTheRestImported() async throws {
        let arena = ArenaProcess()
        var lines = try Self.nativeLines(count: 3).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: #""verdict":""#, with: #""verdict":"A>A","x":""#)
        let file = arena.home.appendingPathComponent("broken.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try await arena.run(["import", file.path])
        #expect(result.stdout.hasPrefix("imported 2 battles (0 already present, 1 malformed row skipped)"), "\(result.stdout)")
        #expect(result.stderr.contains("broken.jsonl:2: turn 0: verdict \"A>A\": seat A appears twice"), "\(result.stderr)")
    }
}
