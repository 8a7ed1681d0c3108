import ArenaCore
import ArenaGateway
import ArenaProviders
import ArenaStore
import ArenaTestSupport
import Foundation
import Testing

/// Requests become prompts of a traffic suite that the rest of arena reads as it reads any suite.
@Suite struct GatewayCaptureTests {
    static let fakeKeys = ["sk-proj-4xZ9qL2mN8vB7cT1wE3rY6uI0oP5aS", "AKIAIOSFODNN7EXAMPLE", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"]

    @Test func aRequestBecomesARedactedPromptWithThePrimarysAnswer() async throws {
        var options = GatewayHarness.Options()
        options.redact = [#"ACCT-\d{6}"#]
        let gateway = try await GatewayHarness.start(options) { _ in
            .openAIChat(["Your refund ", "is on its way to jo@example.com."], usage: (prompt: 40, completion: 9))
        }
        let question = "I'm jo@example.com, account ACCT-123456, key \(Self.fakeKeys[0]). Where is my refund? {{ order }}"
        let reply = try await gateway.post(GatewayHarness.chat(question, system: "You answer for Northwind.",
                                                               extra: ["temperature": 0.3, "max_tokens": 200]),
                                           headers: [("x-arena-tag", "Refunds")])
        #expect(reply.status == 200)
        await gateway.settle()

        let suite = try SuiteLibrary.load(path: gateway.suitePath)
        #expect(suite.name == "traffic")
        #expect(suite.tags == ["traffic"])
        let prompt = try #require(suite.prompts.first)
        #expect(prompt.messages == [ChatMessage(role: .system, content: "You answer for Northwind."),
                                    ChatMessage(role: .user, content: "I'm [email], account [redacted], key [key]. Where is my refund? {{ order }}")])
        #expect(prompt.tags == ["refunds"])
        #expect(prompt.params == GenerationParams(temperature: 0.3, maxTokens: 200))
        let answers = try gateway.store.runAnswers(suite: "traffic")
        #expect(answers.count == 1)
        let answer = try #require(answers.first)
        #expect(answer.key == RunAnswer.Key(suite: "traffic", promptID: prompt.id, repeatIndex: 0, model: "primary"))
        #expect(answer.answer.text == "Your refund is on its way to [email].")
        #expect(answer.answer.metrics.inputTokens == 40)
        #expect(answer.answer.metrics.outputTokens == 9)
        #expect(answer.answer.metrics.costUSD != nil)
        // `SUITE/tag` picks the tagged prompts.
        let library = SuiteLibrary(directories: [gateway.directory.appendingPathComponent("prompts").path])
        #expect(try library.resolve("traffic/refunds").prompts.map(\.id) == [prompt.id])
        #expect(throws: ConfigError.self) { try library.resolve("traffic/other") }
        await gateway.stop()
    }

    @Test func aLongAnswerIsCapturedWholeWithItsUsageAndTimeToFirstToken() async throws {
        // 3,000 pieces: past the first text the copy is decoded in 16 KiB pieces, and its end
        // (the finish reason, the usage chunk) is in the last, partly filled one.
        let pieces = (0..<3000).map { "w\($0) " }
        let gateway = try await GatewayHarness.start { _ in .openAIChat(pieces, usage: (prompt: 12, completion: 3000)) }
        let reply = try await gateway.post(GatewayHarness.chat("Tell me everything."))
        #expect(reply.status == 200)
        await gateway.settle()
        let answer = try #require(try gateway.store.runAnswers(suite: "traffic").first).answer
        #expect(answer.text == pieces.joined())
        #expect(answer.finishReason == .stop)
        #expect(answer.metrics.outputTokens == 3000)
        let ttft = try #require(answer.metrics.ttftMs)
        #expect(ttft <= answer.metrics.durationMs ?? 0)
        await gateway.stop()
    }

    @Test func noKeyEverReachesTheStoreOrTheSuite() async throws {
        var options = GatewayHarness.Options()
        options.apiKeyEnv = "PRIMARY_KEY"
        options.environment = ["PRIMARY_KEY": "sk-primary-9f8e7d6c5b4a39281706"]
        options.shadows = ["cand"]
        let gateway = try await GatewayHarness.start(options) { request in
            // The answer repeats the question, keys and all.
            let content = ((request.json?["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
            return .openAIChat(["You said: ", content])
        }
        for (index, key) in Self.fakeKeys.enumerated() {
            let reply = try await gateway.post(GatewayHarness.chat("request \(index): my key is \(key)"),
                                               headers: [("Authorization", "Bearer sk-client-00aa11bb22cc33dd44ee")])
            #expect(reply.text.contains(key), "the app gets the real answer")
        }
        await gateway.settle()
        let storeBytes = try Data(contentsOf: gateway.directory.appendingPathComponent("arena.sqlite"))
        var everything = String(decoding: storeBytes, as: UTF8.self) + (try String(contentsOfFile: gateway.suitePath, encoding: .utf8))
        for sidecar in ["arena.sqlite-wal", "arena.sqlite-shm"] {
            if let data = FileManager.default.contents(atPath: gateway.directory.appendingPathComponent(sidecar).path) {
                everything += String(decoding: data, as: UTF8.self)
            }
        }
        for secret in Self.fakeKeys + ["sk-primary-9f8e7d6c5b4a39281706", "sk-client-00aa11bb22cc33dd44ee"] {
            #expect(!everything.contains(secret), "\(secret) was stored")
            #expect(!everything.contains(String(secret.suffix(16))), "part of \(secret) was stored")
        }
        #expect(try gateway.store.runAnswers(suite: "traffic").filter { $0.key.model == "cand" }.count == 3)
        await gateway.stop()
    }

    @Test func duplicatesSamplingAndTheDailyCapAreCounted() async throws {
        var options = GatewayHarness.Options()
        options.dailyCap = 2
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["ok"]) }
        for text in ["one", "one", "two", "three"] {
            #expect(try await gateway.post(GatewayHarness.chat(text)).status == 200)
        }
        // Not a text chat: relayed, not captured.
        let tools: [String: Any] = ["messages": [["role": "user", "content": "weather?"]],
                                    "tools": [["type": "function", "function": ["name": "weather"]]]]
        #expect(try await gateway.post(tools).status == 200)
        await gateway.settle()
        let snapshot = gateway.status.snapshot
        #expect(snapshot.captured == 2)
        #expect(snapshot.capture_skipped == ["duplicate": 1, "daily_cap": 1, "uncapturable": 1])
        #expect(try SuiteLibrary.load(path: gateway.suitePath).prompts.map(\.messages.last?.content) == ["one", "two"])

        // A restarted gateway knows what it captured and how many today.
        let again = try TrafficCapture(settings: .init(suite: "traffic", path: gateway.suitePath, rate: 1, dailyCap: 3, redactor: try Redactor()),
                                       primary: GatewayHarness.model("primary", base: gateway.upstream.baseURL), store: gateway.store,
                                       status: gateway.status)
        let answer = Answer(seatIndex: 0, text: "ok", finishReason: .stop)
        #expect(await again.record(CapturedChat(messages: [ChatMessage(role: .user, content: "two")], params: GenerationParams(), tag: nil),
                                   answer: answer) == nil)
        #expect(await again.record(CapturedChat(messages: [ChatMessage(role: .user, content: "four")], params: GenerationParams(), tag: nil),
                                   answer: answer) != nil)
        #expect(await again.record(CapturedChat(messages: [ChatMessage(role: .user, content: "five")], params: GenerationParams(), tag: nil),
                                   answer: answer) == nil, "3 today: the cap")
        await gateway.stop()
    }

    @Test func aSampledOutRequestIsNotCaptured() async throws {
        var options = GatewayHarness.Options()
        options.captureRate = 0
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["ok"]) }
        #expect(try await gateway.post(GatewayHarness.chat("hi")).status == 200)
        #expect(gateway.status.snapshot.capture_skipped == ["not_sampled": 1])
        #expect(!FileManager.default.fileExists(atPath: gateway.suitePath))
        await gateway.stop()
    }

    @Test func aBrokenSuiteFileIsRefusedNotAppendedTo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arena-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("traffic.yaml").path
        try "name: traffic\nprompts:\n  - id: a\n    txet: hi\n".write(toFile: path, atomically: true, encoding: .utf8)
        let store = try BattleStore(location: directory.appendingPathComponent("s.sqlite").path)
        #expect(throws: ConfigError.self) {
            try TrafficCapture(settings: .init(suite: "traffic", path: path, redactor: try Redactor()),
                               primary: GatewayHarness.model("p", base: URL(string: "http://127.0.0.1:1")!), store: store,
                               status: GatewayStatus(primary: "p"))
        }
    }
}

/// Candidates answer captured prompts in the background, bounded and within budget.
@Suite struct GatewayShadowTests {
    @Test func shadowAnswersLandBesideThePrimarys() async throws {
        var options = GatewayHarness.Options()
        options.shadows = ["cand-a", "cand-b"]
        let gateway = try await GatewayHarness.start(options) { request in
            .openAIChat(["answer from ", request.json?["model"] as? String ?? "?"])
        }
        #expect(try await gateway.post(GatewayHarness.chat("Summarise this ticket.")).text.contains("primary-id"))
        await gateway.settle()
        let answers = try gateway.store.runAnswers(suite: "traffic").sorted { $0.key.model < $1.key.model }
        #expect(answers.map(\.key.model) == ["cand-a", "cand-b", "primary"])
        #expect(answers.map(\.answer.text) == ["answer from cand-a-id", "answer from cand-b-id", "answer from primary-id"])
        #expect(Set(answers.map(\.key.promptID)).count == 1)
        #expect(gateway.status.snapshot.shadowed == 2)
        await gateway.stop()
    }

    @Test func pastTheBudgetShadowsAreDroppedAndCounted() async throws {
        var options = GatewayHarness.Options()
        options.shadows = ["cand"]
        options.budget = 0.000_001
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["a fairly long answer that costs something"]) }
        _ = try await gateway.post(GatewayHarness.chat("first"))
        await gateway.settle()
        _ = try await gateway.post(GatewayHarness.chat("second"))
        await gateway.settle()
        #expect(gateway.status.snapshot.shadowed == 1)
        #expect(gateway.status.snapshot.shadow_dropped == ["budget": 1])
        #expect(gateway.status.snapshot.shadow_spend_today_usd > 0.000_001)
        await gateway.stop()
    }

    @Test func whenEverySlotIsBusyShadowsAreDroppedNotQueuedWithoutBound() async throws {
        var options = GatewayHarness.Options()
        options.shadows = ["cand"]
        options.shadowConcurrency = 1
        options.shadowQueue = 1
        let release = Locked(false)
        let gateway = try await GatewayHarness.start(options) { request in
            guard request.json?["model"] as? String == "cand-id" else { return .openAIChat(["primary"]) }
            return ScriptedResponse(headers: [("Content-Type", "text/event-stream")],
                                    parts: [.waitUntil { release.value }, .bytes(Array("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n".utf8))])
        }
        for text in ["a", "b", "c", "d"] { _ = try await gateway.post(GatewayHarness.chat(text)) }
        // Four captured prompts: one shadow running, one queued, two dropped.
        await gateway.status.wait { $0.capture_pending == 0 }
        #expect(gateway.status.snapshot.shadow_dropped == ["busy": 2])
        release.update { $0 = true }
        await gateway.settle()
        #expect(gateway.status.snapshot.shadowed == 2)
        await gateway.stop()
    }
}

/// A capture that cannot be written never reaches the app.
@Suite struct GatewayStoreFailureTests {
    @Test func aSuiteFileThatCannotBeWrittenIsCountedAndTheAppIsServed() async throws {
        let gateway = try await GatewayHarness.start { _ in .openAIChat(["fine"]) }
        // A directory where the suite file should go: no write can succeed, whoever runs the test.
        try FileManager.default.createDirectory(atPath: gateway.suitePath, withIntermediateDirectories: true)
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == 200)
        #expect(reply.text.contains("fine"))
        await gateway.settle()
        #expect(gateway.status.snapshot.store_errors == 1)
        #expect(gateway.status.snapshot.captured == 0)
        #expect(gateway.status.snapshot.last_error?.contains("traffic.yaml") == true)
        #expect(try await gateway.post(GatewayHarness.chat("again")).status == 200)
        await gateway.stop()
    }
}

/// Two gateways capturing into one suite keep it one valid file.
@Suite struct GatewaySharedSuiteTests {
    @Test func twoCapturesOfOneSuiteNeitherInterleaveNorDuplicate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arena-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("traffic.yaml").path
        let store = try BattleStore(location: directory.appendingPathComponent("s.sqlite").path)
        let primary = GatewayHarness.model("primary", base: URL(string: "http://127.0.0.1:1")!)
        func capture() throws -> TrafficCapture {
            try TrafficCapture(settings: .init(suite: "traffic", path: path, redactor: try Redactor()), primary: primary, store: store,
                               status: GatewayStatus(primary: "primary"))
        }
        let first = try capture(), second = try capture()   // both start before either has written
        let answer = Answer(seatIndex: 0, text: "ok", finishReason: .stop)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let chat = CapturedChat(messages: [ChatMessage(role: .user, content: "question \(index % 25)")], params: GenerationParams(), tag: nil)
                group.addTask { await (index % 2 == 0 ? first : second).record(chat, answer: answer) }
            }
        }
        let suite = try SuiteLibrary.load(path: path)
        #expect(suite.prompts.count == 25)
        #expect(Set(suite.prompts.map(\.id)).count == 25)
    }
}

/// A team's gateway captures into the team's PostgreSQL store, where every member sees it.
@Suite struct GatewayTeamStoreTests {
    @Test func trafficAndShadowAnswersLandInATeamStore() async throws {
        var options = GatewayHarness.Options()
        options.storeLocation = try GatewayHarness.freshPostgresSchema()
        options.shadows = ["cand"]
        let gateway = try await GatewayHarness.start(options) { request in .openAIChat(["from ", request.json?["model"] as? String ?? "?"]) }
        for text in ["first question", "second question"] {
            #expect(try await gateway.post(GatewayHarness.chat(text)).status == 200)
        }
        await gateway.settle()
        #expect(gateway.status.snapshot.store_errors == 0)
        // Another member's arena, on the same store.
        let member = try BattleStore(location: try #require(options.storeLocation))
        let answers = try member.runAnswers(suite: "traffic")
        #expect(answers.count == 4)
        #expect(Dictionary(grouping: answers, by: \.key.model).mapValues(\.count) == ["primary": 2, "cand": 2])
        #expect(Set(answers.filter { $0.key.model == "cand" }.map(\.answer.text)) == ["from cand-id"])
        await gateway.stop()
    }
}
