import ArenaCore
import ArenaTestSupport
import Foundation
import Testing

/// Which model really answered: the server's `model` and `system_fingerprint` are stored with
/// each answer, shown after the vote when they differ from the configured id, exported, listed
/// by `arena stats` when a name's version changed, and ranked apart by `--by-version`.
@Suite("served model: reveal, export, stats, leaderboard --by-version", .timeLimit(.minutes(2)))
struct ServedModelCommandTests {
    /// Seat "snap" reports a dated snapshot (which the test changes halfway); "echo" reports its
    /// own id, as llama.cpp does.
    static func server(snapshot: Locked<String>) async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            let model = request.uri.hasPrefix("/snap") ? snapshot.value : "id-echo"
            let answer = request.uri.hasPrefix("/snap") ? "A snapshot answers." : "An echo answers."
            return .sse([
                #"{"model":"\#(model)","system_fingerprint":"fp_\#(model.count)","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#,
                #"{"model":"\#(model)","choices":[{"index":0,"delta":{"content":"\#(answer)"},"finish_reason":"stop"}]}"#,
            ])
        }
    }

    @Test func theServedVersionIsKeptShownExportedAndRankedApart() async throws {
        let snapshot = Locked("id-snap-2026-01")
        let server = try await Self.server(snapshot: snapshot)
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "sk-test"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["snap", "echo"]))

        let first = try await arena.run(["ask", "--json", "--vote", "tie", "Which model are you?"])
        #expect(first.status == 0, "\(first.stderr)")
        let seats = try #require((try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["seats"] as? [[String: Any]])
        let byModel = Dictionary(uniqueKeysWithValues: seats.map { ($0["model"] as? String ?? "", $0) })
        #expect(byModel["snap"]?["resolved_model"] as? String == "id-snap-2026-01")
        #expect(byModel["snap"]?["fingerprint"] as? String == "fp_15")
        #expect(byModel["echo"]?["resolved_model"] as? String == "id-echo")

        // The reveal names the snapshot beside the configured name, and only where it differs.
        let shown = try await arena.run(["ask", "--vote", "tie", "Again?"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("snap (served id-snap-2026-01)"))
        #expect(!shown.stdout.contains("served id-echo"))

        snapshot.update { $0 = "id-snap-2026-06" }
        for question in ["Third?", "Fourth?"] {
            #expect(try await arena.run(["ask", "--vote", "tie", question]).status == 0)
        }

        let export = try await arena.run(["export"])
        #expect(export.status == 0)
        let rows = export.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 4)
        let resolved = rows.map { row in
            row["model_a"] as? String == "snap" ? row["resolved_model_a"] as? String : row["resolved_model_b"] as? String
        }
        #expect(resolved == ["id-snap-2026-01", "id-snap-2026-01", "id-snap-2026-06", "id-snap-2026-06"])
        #expect(rows.allSatisfy { $0["fingerprint_a"] is String && $0["fingerprint_b"] is String })

        let stats = try await arena.run(["stats"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("Served versions: 1 model changed under the same name"))
        #expect(stats.stdout.contains("snap: id-snap-2026-01  2 answers"))
        #expect(stats.stdout.contains("snap: id-snap-2026-06  2 answers"))

        let board = try await arena.run(["leaderboard", "--by-version", "--format", "json", "--bootstrap", "20"])
        #expect(board.status == 0, "\(board.stderr)")
        let models = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]]).compactMap { $0["model"] as? String }
        #expect(Set(models) == ["snap (id-snap-2026-01)", "snap (id-snap-2026-06)", "echo (id-echo)"])
        let plain = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "20"])
        let names = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]]).compactMap { $0["model"] as? String }
        #expect(Set(names) == ["snap", "echo"])
    }
}
