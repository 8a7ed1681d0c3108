import ArenaCore
import ArenaStore
import ArenaTestSupport
import Foundation
import Testing

/// The real binary against real loopback servers: what a user or a script sees.
@Suite("arena ask / export / models / config", .timeLimit(.minutes(2)))
struct AskCommandTests {
    static func config(_ server: LocalStreamingServer, names: [String], extra: String = "") -> String {
        "models:\n" + names.map { name in
            """
              - name: \(name)
                base_url: \(server.baseURL.absoluteString)/\(name)/v1
                model: id-\(name)
                api_key_env: ARENA_TEST_KEY
                price: { input: 1.0, output: 2.0 }
            \(extra)
            """
        }.joined(separator: "\n") + "\n"
    }

    /// Serves a different answer per path prefix: /fine → text, /slow → delayed text, /broken → 500.
    static func server() async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            if request.uri.hasSuffix("/models") { return .json(200, #"{"object":"list","data":[{"id":"id-fine"}]}"#) }
            if request.uri.hasPrefix("/broken") {
                return .json(500, #"{"error":{"message":"model crashed","type":"internal_server_error"}}"#)
            }
            if request.uri.hasPrefix("/slow") { return .openAIChat(["Slow ", "but ", "sure."], delay: .milliseconds(40)) }
            return .openAIChat(["Fine ", "answer."], usage: (prompt: 10, completion: 3))
        }
    }

    @Test func jsonResultHasEverySeatAndTheVerdictIsStored() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "sk-secret-value-123"])
        try arena.writeConfig(Self.config(server, names: ["fine", "slow", "broken"]))
        let result = try await arena.run(["ask", "--json", "--vote", "tie", "Explain CRDTs"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "tie")
        let seats = try #require(object["seats"] as? [[String: Any]])
        #expect(seats.map { $0["label"] as? String } == ["A", "B", "C"])
        let byModel = Dictionary(uniqueKeysWithValues: seats.map { ($0["model"] as? String ?? "", $0) })
        #expect(byModel["fine"]?["text"] as? String == "Fine answer.")
        #expect(byModel["fine"]?["output_tokens"] as? Int == 3)
        #expect(byModel["fine"]?["tokens_estimated"] as? Bool == false)
        #expect(byModel["slow"]?["text"] as? String == "Slow but sure.")
        #expect(byModel["slow"]?["tokens_estimated"] as? Bool == true)
        #expect(((byModel["slow"]?["ttft_ms"] as? Double) ?? 0) >= 30)
        let error = try #require(byModel["broken"]?["error"] as? [String: Any])
        #expect(error["kind"] as? String == "server_error")
        #expect((error["message"] as? String)?.contains("model crashed") == true)
        for seat in seats { #expect(seat.keys.contains("cost_usd") && seat.keys.contains("error")) }

        let export = try await arena.run(["export"])
        #expect(export.status == 0)
        let rows = export.stdout.split(separator: "\n")
        #expect(rows.count == 1)  // fine vs slow; the broken seat is left out
        let first = try #require(rows.first)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(row["winner"] as? String == "tie")
        #expect(Set([row["model_a"] as? String, row["model_b"] as? String]) == ["fine", "slow"])

        // The key never reaches the store, the export or the output.
        let store = try Data(contentsOf: URL(fileURLWithPath: arena.storePath))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: arena.storePath + "-wal"))) ?? Data()
        for text in [String(decoding: store + wal, as: UTF8.self), export.stdout, result.stdout, result.stderr] {
            #expect(!text.contains("sk-secret-value-123"))
        }
        try await server.stop()
    }

    @Test func withoutATerminalItNeverAsksAndStoresNoVerdict() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(Self.config(server, names: ["fine", "slow"]))
        let result = try await arena.run(["ask", "-"], stdin: "Prompt from standard input")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A │ "))
        #expect(result.stdout.contains("no verdict"))
        #expect(result.stdout.contains("fine") && result.stdout.contains("slow"))
        let voted = try await arena.run(["export"])
        #expect(voted.stdout.isEmpty)
        let all = try await arena.run(["export", "--all", "--format", "csv"])
        let lines = all.stdout.split(separator: "\r\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("question_id,model_a,model_b,winner"))
        #expect(server.requests.first?.json.flatMap { ($0["messages"] as? [[String: Any]])?.last?["content"] as? String }
                == "Prompt from standard input")
        try await server.stop()
    }

    /// The streamed lines come before the vote, so an error quoting the endpoint's model id is masked.
    @Test func errorsPrintedBeforeTheVoteHideTheModelID() async throws {
        let server = try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/broken") {
                return .json(500, #"{"error":{"message":"model group 'id-broken' failed","type":"internal_server_error"}}"#)
            }
            return .openAIChat(["Fine ", "answer."])
        }
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(Self.config(server, names: ["broken", "fine"]))
        let result = try await arena.run(["ask", "Q"])
        let errorLine = try #require(result.stdout.split(separator: "\n").first { $0.contains("✗ error:") })
        #expect(errorLine.contains("model group '•••' failed") && !errorLine.contains("id-broken"), "\(errorLine)")
        try await server.stop()
    }

    @Test func votingForAFailedSeatIsRefusedButTheBattleIsKept() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(Self.config(server, names: ["broken", "fine"]))
        // The same seed gives the same seat order: find the broken seat's label, then vote for it.
        let probe = try await arena.run(["ask", "--json", "--seed", "42", "--vote", "skip", "Q"])
        let seats = try #require((try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any])?["seats"] as? [[String: Any]])
        let brokenLabel = try #require(seats.first { $0["model"] as? String == "broken" }?["label"] as? String)
        let result = try await arena.run(["ask", "--json", "--seed", "42", "--vote", brokenLabel, "Q"])
        #expect(result.status == 1)
        #expect(result.stderr == "arena: \(brokenLabel) failed, so it cannot win; the battle is stored without a verdict\n")
        let all = try await arena.run(["export", "--all"])
        #expect(all.status == 0)
        #expect(all.stdout.isEmpty)  // a failed seat pairs with nobody
        let store = try BattleStore(path: arena.storePath)
        let battles = try store.battles()
        #expect(battles.count == 2)  // both battles kept
        #expect(battles.map { $0.verdicts[0]?.verdict } == [.skip, nil])
        try await server.stop()
    }

    @Test func badConfigIsOneLineNamingFileLineAndField() async throws {
        let arena = ArenaProcess()
        try arena.writeConfig("models:\n  - name: a\n    base_url: http://127.0.0.1:1/v1\n    model: m\n    price: { input: -3, output: 1 }\n")
        let result = try await arena.run(["ask", "--vote", "A", "Q"])
        #expect(result.status == 2)
        #expect(result.stderr == "arena: \(arena.configPath):5: models[0].price.input: must not be negative (USD per 1M tokens)\n")
        #expect(result.stdout.isEmpty)
        let check = try await arena.run(["config", "check"])
        #expect(check.status == 2 && check.stderr.contains(":5: models[0].price.input"))
    }

    @Test func missingConfigSaysHowToCreateOne() async throws {
        let arena = ArenaProcess()
        let result = try await arena.run(["models"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("arena config init"))
    }

    @Test func configInitWritesAValidCommentedFileOnce() async throws {
        let arena = ArenaProcess()
        let first = try await arena.run(["config", "init"])
        #expect(first.status == 0, "\(first.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: arena.configPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let check = try await arena.run(["config", "check"])
        #expect(check.stdout.contains("ok — 2 models: local-a, local-b"))
        let again = try await arena.run(["config", "init"])
        #expect(again.status == 2 && again.stderr.contains("--force"))
        let configPath = try await arena.run(["config", "path"])
        #expect(configPath.stdout == arena.configPath + "\n")
        let storePath = try await arena.run(["config", "path", "--store-path"])
        #expect(storePath.stdout == arena.storePath + "\n")
    }

    @Test func modelsListsAndProbes() async throws {
        let server = try await Self.server()
        // A generous probe timeout: the in-process server shares 2 cores with the whole suite.
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k", "ARENA_PROBE_TIMEOUT": "30"])
        try arena.writeConfig(Self.config(server, names: ["fine", "broken"]))
        let list = try await arena.run(["models"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 2)
        #expect(list.stdout.contains("openai:id-fine"))
        let probe = try await arena.run(["models", "--probe"])
        #expect(probe.status == 0, "\(probe.stderr)")
        #expect(probe.stdout.contains("ok "))
        #expect(probe.stdout.contains("model id not in the endpoint's list"))  // id-broken is not listed
        try await server.stop()
    }

    @Test func tooFewModelsOrUnknownNamesAreBadInput() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(Self.config(server, names: ["fine", "slow"]))
        let one = try await arena.run(["ask", "--models", "fine", "Q"])
        #expect(one.status == 2 && one.stderr.contains("at least two models"))
        let unknown = try await arena.run(["ask", "--models", "fine,nope", "Q"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown model nope; configured: fine, slow"))
        let badVote = try await arena.run(["ask", "--vote", "Z", "Q"])
        #expect(badVote.status == 2 && badVote.stderr.contains("--vote Z"))
        #expect(server.requests.isEmpty)
        try await server.stop()
    }
}
