import ArenaCore
import ArenaProviders
import ArenaTestSupport
import Foundation
import Synchronization
import Testing

/// The real HTTP client against a real server on 127.0.0.1 that injects every failure.
@Suite("Streaming over HTTP", .timeLimit(.minutes(1)))
struct ModelClientTests {
    static func model(_ server: LocalStreamingServer, name: String = "m", key: String? = nil) -> ModelConfig {
        ModelConfig(name: name, baseURL: server.baseURL.appendingPathComponent("v1"), model: "model-\(name)",
                    apiKeyEnv: key, params: GenerationParams(temperature: 0.5, maxTokens: 64))
    }

    static func collect(_ client: ModelClient, _ model: ModelConfig, limits: StreamLimits = StreamLimits(maxAttempts: 1))
        async -> (AnswerAccumulator, [StreamEvent]) {
        var accumulator = AnswerAccumulator()
        var events: [StreamEvent] = []
        for await event in client.stream(ChatRequest(model: model, messages: [ChatMessage(role: .user, content: "Hi")]),
                                         limits: limits) {
            accumulator.apply(event)
            events.append(event)
        }
        return (accumulator, events)
    }

    @Test func streamsTextAndSendsAWellFormedRequest() async throws {
        let server = try await LocalStreamingServer.start { _ in
            .openAIChat(["Hel", "lo, ", "wörld 👋"], delay: .milliseconds(5), usage: (prompt: 9, completion: 4))
        }
        let client = ModelClient(environment: ["TEST_KEY": "sk-test-secret"])
        let (answer, events) = await Self.collect(client, Self.model(server, key: "TEST_KEY"))
        #expect(answer.text == "Hello, wörld 👋")
        #expect(answer.finishReason == .stop)
        #expect(answer.usage?.outputTokens == 4 && answer.usage?.inputTokens == 9)
        #expect(events.last == .finished(.stop))
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.uri == "/v1/chat/completions")
        #expect(request.header("authorization") == "Bearer sk-test-secret")
        let body = try #require(request.json)
        #expect(body["model"] as? String == "model-m")
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        #expect(body["max_tokens"] as? Int == 64)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func refusedConnectionIsNamed() async throws {
        let closed = try ClosedPort()  // nothing listens there, and no other test's server can take the port
        let model = ModelConfig(name: "m", baseURL: closed.baseURL.appendingPathComponent("v1"), model: "m")
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, model)
        #expect(answer.error?.kind == .connectionRefused)
        #expect(answer.finishReason == .error)
        try await client.shutdown()
    }

    @Test func unresolvableHostIsADNSFailure() async throws {
        let client = ModelClient()
        let model = ModelConfig(name: "m", baseURL: URL(string: "http://no-such-host.invalid/v1")!, model: "m")
        let (answer, _) = await Self.collect(client, model, limits: StreamLimits(connectSeconds: 5, maxAttempts: 1))
        #expect(answer.error?.kind == .dns, "got \(String(describing: answer.error))")
        try await client.shutdown()
    }

    @Test func tlsToAPlainHTTPServerIsATLSFailure() async throws {
        let server = try await LocalStreamingServer.start { _ in .openAIChat(["x"]) }
        let client = ModelClient()
        let model = ModelConfig(name: "m", baseURL: URL(string: "https://127.0.0.1:\(server.port)/v1")!, model: "m")
        // Generous timeouts: the handshake fails at once, but in the parallel suite on two cores the
        // failure was twice delivered after a 5 s first-token timer had fired (a stalled pool).
        let (answer, _) = await Self.collect(client, model, limits: StreamLimits(connectSeconds: 90, firstTokenSeconds: 90, maxAttempts: 1))
        #expect(answer.error?.kind == .tls, "got \(String(describing: answer.error))")
        try await client.shutdown()
        try await server.stop()
    }

    @Test func unauthorisedNamesTheVariableNotTheKey() async throws {
        let server = try await LocalStreamingServer.start { _ in
            .json(401, #"{"error":{"message":"Incorrect API key provided: sk-test-secret","type":"invalid_request_error","code":"invalid_api_key"}}"#)
        }
        let client = ModelClient(environment: ["TEST_KEY": "sk-test-secret"])
        let (answer, _) = await Self.collect(client, Self.model(server, key: "TEST_KEY"))
        #expect(answer.error?.kind == .authentication)
        #expect(answer.error?.status == 401)
        #expect(answer.error?.message.contains("TEST_KEY") == true)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func missingKeyVariableFailsBeforeSending() async throws {
        let server = try await LocalStreamingServer.start { _ in .openAIChat(["x"]) }
        let client = ModelClient(environment: [:])
        let (answer, _) = await Self.collect(client, Self.model(server, key: "UNSET_KEY_VAR"))
        #expect(answer.error?.kind == .configuration)
        #expect(answer.error?.message.contains("UNSET_KEY_VAR") == true)
        #expect(server.requests.isEmpty)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func errorInsideA200StreamKeepsThePartialText() async throws {
        let server = try await LocalStreamingServer.start { _ in
            .sse([#"{"choices":[{"index":0,"delta":{"content":"Partial "},"finish_reason":null}]}"#,
                  #"{"choices":[{"index":0,"delta":{"content":"answer"},"finish_reason":null}]}"#,
                  #"{"error":{"message":"upstream overloaded","code":502}}"#], done: false)
        }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server))
        #expect(answer.text == "Partial answer")
        #expect(answer.error?.kind == .streamError)
        #expect(answer.error?.message.contains("upstream overloaded") == true)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func streamWithoutTerminalMarkerIsTruncated() async throws {
        let server = try await LocalStreamingServer.start { _ in
            .sse([#"{"choices":[{"index":0,"delta":{"content":"Cut"},"finish_reason":null}]}"#], done: false)
        }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server))
        #expect(answer.text == "Cut")
        #expect(answer.finishReason == .truncated)
        #expect(answer.error == nil)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func connectionCutMidStreamIsTruncated() async throws {
        let server = try await LocalStreamingServer.start { _ in
            var response = ScriptedResponse.sse([#"{"choices":[{"index":0,"delta":{"content":"Half"},"finish_reason":null}]}"#], done: false)
            response.parts.append(.cut)
            return response
        }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server))
        #expect(answer.text == "Half")
        #expect(answer.finishReason == .truncated)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func emptyBodyWithStatus200IsAnError() async throws {
        let server = try await LocalStreamingServer.start { _ in
            ScriptedResponse(headers: [("Content-Type", "text/event-stream")], parts: [])
        }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server))
        #expect(answer.error?.kind == .emptyResponse)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func quotaExhaustionIsNotRetried() async throws {
        let server = try await LocalStreamingServer.start { _ in
            .json(429, #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"#)
        }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server), limits: StreamLimits(maxAttempts: 3))
        #expect(answer.error?.kind == .quotaExhausted)
        #expect(server.requests.count == 1)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func answerPastTheSizeCapIsTruncated() async throws {
        let piece = String(repeating: "x", count: 100)
        let server = try await LocalStreamingServer.start { _ in .openAIChat(Array(repeating: piece, count: 200)) }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server), limits: StreamLimits(maxAnswerBytes: 4096, maxAttempts: 1))
        #expect(answer.finishReason == .truncated)
        #expect(answer.text.utf8.count == 4096)
        try await client.shutdown()
        try await server.stop()
    }

    /// The cap counts the answer's text, not the wire: 3,000 one-character tokens are about
    /// 250 KB of SSE framing but 3 KB of text, and must arrive whole under a 4 KB cap.
    @Test func sseFramingDoesNotCountAgainstTheCap() async throws {
        let server = try await LocalStreamingServer.start { _ in .openAIChat(Array(repeating: "é", count: 3000)) }
        let client = ModelClient()
        let (answer, _) = await Self.collect(client, Self.model(server), limits: StreamLimits(maxAnswerBytes: 6500, maxAttempts: 1))
        #expect(answer.finishReason == .stop)
        #expect(answer.text == String(repeating: "é", count: 3000))
        let (cut, _) = await Self.collect(client, Self.model(server), limits: StreamLimits(maxAnswerBytes: 4001, maxAttempts: 1))
        #expect(cut.finishReason == .truncated)
        #expect(cut.text == String(repeating: "é", count: 2000))   // never half a character
        try await client.shutdown()
        try await server.stop()
    }

    @Test func oneSlowOneFailingOneFineEachGetTheirOwnOutcome() async throws {
        let order = Locked<[Int]>([])
        let server = try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/slow") {
                // The slow seat's last piece waits until both other seats have finished: if the runner
                // made any seat wait for another, this battle would never end.
                var slow = ScriptedResponse.openAIChat(["Slow ", "and ", "steady."], delay: .milliseconds(100))
                slow.parts.insert(.waitUntil { order.value.count == 2 }, at: slow.parts.count / 2)
                return slow
            }
            if request.uri.hasPrefix("/failing") { return .json(500, #"{"error":{"message":"kaput"}}"#) }
            return .openAIChat(["Quick."])
        }
        let models = ["slow", "failing", "fine"].map { name in
            ModelConfig(name: name, baseURL: server.baseURL.appendingPathComponent("\(name)/v1"), model: name,
                        price: Price(input: 1, output: 1))
        }
        let battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: "Be brief.",
                            seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        let client = ModelClient()
        let answers = await BattleRunner(client: client, config: ArenaConfig(models: models)).run(battle: battle, prompt: "Q") { seat, event in
            if event.isTerminal { order.update { $0.append(seat) } }
        }
        #expect(answers.map(\.text) == ["Slow and steady.", "", "Quick."])
        #expect(answers[1].error?.kind == .serverError && answers[1].error?.message.contains("kaput") == true)
        #expect(answers[0].finishReason == .stop && answers[2].finishReason == .stop)
        #expect(order.value.sorted() == [0, 1, 2] && order.value.last == 0)  // the others did not wait for the slow seat
        #expect((answers[0].metrics.ttftMs ?? 0) >= 50)
        #expect(answers[0].metrics.tokensEstimated && (answers[0].metrics.costUSD ?? 0) > 0)
        #expect(server.requests.allSatisfy { ($0.json?["messages"] as? [[String: Any]])?.first?["role"] as? String == "system" })
        try await client.shutdown()
        try await server.stop()
    }
}
