import ArenaCore
import ArenaGateway
import ArenaProviders
import ArenaTestSupport
import Foundation
import Testing

/// Anthropic, Gemini and Ollama primaries are served to the app as OpenAI chat completions.
@Suite struct GatewayTranslationTests {
    static let cases: [(transcript: String, provider: ProviderKind)] = [
        ("litellm/anthropic_stream_smollm2", .anthropic), ("litellm/anthropic_stream_mock", .anthropic),
        ("litellm/gemini_stream_smollm2", .gemini), ("litellm/gemini_stream_mock_alt_sse", .gemini),
    ]

    /// What arena's own decoder reads from the transcript: the text the app must get.
    static func expectedText(_ bytes: [UInt8], provider: ProviderKind, contentType: String) -> String {
        var answer = AnswerAccumulator()
        if contentType.contains("application/json") {
            answer.apply(provider.wireFormat.decodeWhole(bytes))
        } else {
            var decoder = provider.wireFormat.makeDecoder()
            answer.apply(decoder.feed(bytes))
            answer.apply(decoder.finish())
        }
        return answer.text
    }

    /// The app's side, parsed independently of arena's decoders: every `data:` line as JSON.
    static func chunks(_ body: String) throws -> (content: String, finish: [String], done: Bool, roles: [String]) {
        var content = "", finish: [String] = [], roles: [String] = [], done = false
        for line in body.components(separatedBy: "\n") where line.hasPrefix("data: ") {
            let payload = String(line.dropFirst(6))
            if payload == "[DONE]" { done = true; continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            #expect(object["object"] as? String == "chat.completion.chunk")
            for choice in object["choices"] as? [[String: Any]] ?? [] {
                let delta = choice["delta"] as? [String: Any] ?? [:]
                content += delta["content"] as? String ?? ""
                if let role = delta["role"] as? String { roles.append(role) }
                if let reason = choice["finish_reason"] as? String { finish.append(reason) }
            }
        }
        return (content, finish, done, roles)
    }

    @Test(arguments: 0..<4)
    func aStreamIsTranslatedToOpenAIChunks(index: Int) async throws {
        let (transcript, provider) = Self.cases[index]
        let bytes = try Transcripts.body(transcript)
        let type = try Transcripts.contentType(transcript)
        var options = GatewayHarness.Options()
        options.provider = provider
        let gateway = try await GatewayHarness.start(options) { _ in .raw(bytes, contentType: type, chunkSize: 5) }
        let reply = try await gateway.post(GatewayHarness.chat("Name a colour."))
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "text/event-stream")
        #expect(reply.header("x-arena-model") == "primary")
        let parsed = try Self.chunks(reply.text)
        let expected = Self.expectedText(bytes, provider: provider, contentType: type)
        #expect(!expected.isEmpty)
        #expect(parsed.content == expected)
        #expect(parsed.roles == ["assistant"])
        #expect(parsed.finish.count == 1)
        #expect(parsed.done)

        let whole = try await gateway.post(GatewayHarness.chat("Name a colour.", stream: false))
        #expect(whole.status == 200)
        let choice = try #require((whole.json?["choices"] as? [[String: Any]])?.first)
        #expect((choice["message"] as? [String: Any])?["content"] as? String == expected)
        #expect(whole.json?["object"] as? String == "chat.completion")
        await gateway.settle()
        #expect(try gateway.store.runAnswers(suite: "traffic").first?.answer.text == expected)
        await gateway.stop()
    }

    @Test func anUpstreamErrorKeepsItsStatus() async throws {
        let bytes = try Transcripts.body("litellm/anthropic_stream_429")
        let status = try Transcripts.status("litellm/anthropic_stream_429")
        var options = GatewayHarness.Options()
        options.provider = .anthropic
        let gateway = try await GatewayHarness.start(options) { _ in .raw(bytes, contentType: "application/json", status: status) }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.status == status)
        let error = try #require(reply.json?["error"] as? [String: Any])
        #expect(error["message"] as? String != nil)
        await gateway.stop()
    }

    @Test func toolRequestsNeedAnOpenAICompatiblePrimary() async throws {
        var options = GatewayHarness.Options()
        options.provider = .anthropic
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["unused"]) }
        let reply = try await gateway.post(["messages": [["role": "user", "content": "weather?"]],
                                            "tools": [["type": "function", "function": ["name": "weather"]]]])
        #expect(reply.status == 400)
        #expect(((reply.json?["error"] as? [String: Any])?["message"] as? String)?.contains("uses tools") == true)
        #expect(gateway.upstream.requests.isEmpty)
        await gateway.stop()
    }
}

/// `--route`: the routed model serves; the primary takes over when it fails before answering.
@Suite struct GatewayRouteTests {
    struct Fixed: GatewayRoute {
        let models: [String: ModelConfig]
        func model(tag: String?) async -> ModelConfig? { models[tag ?? ""] }
        func describe() async -> [String: String] { models.mapValues(\.name) }
    }

    @Test func theRoutedModelServesAndThePrimaryCatchesItsFailures() async throws {
        let upstream = try await LocalStreamingServer.start { request in
            switch request.json?["model"] as? String {
            case "cheap-id": .openAIChat(["cheap answer"])
            case "broken-id": .json(500, #"{"error":{"message":"overloaded"}}"#)
            default: .openAIChat(["primary answer"])
            }
        }
        defer { Task { try? await upstream.stop() } }
        var options = GatewayHarness.Options()
        options.route = Fixed(models: ["": GatewayHarness.model("cheap", base: upstream.baseURL),
                                       "legal": GatewayHarness.model("broken", base: upstream.baseURL)])
        options.primaryBase = upstream.baseURL
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["unused"]) }
        let routed = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(routed.header("x-arena-model") == "cheap")
        #expect(routed.text.contains("cheap answer"))
        let fellBack = try await gateway.post(GatewayHarness.chat("hi"), headers: [("x-arena-tag", "legal")])
        #expect(fellBack.status == 200)
        #expect(fellBack.header("x-arena-model") == "primary")
        #expect(fellBack.text.contains("primary answer"))
        await gateway.settle()
        #expect(gateway.status.snapshot.served_by == ["cheap": 1, "primary": 1])
        // Only the primary's answers are samples of the primary: the routed one is not captured.
        #expect(try gateway.store.runAnswers(suite: "traffic").map(\.key.model) == ["primary"])
        let status = try await gateway.send(method: .GET, path: "/arena/status")
        #expect((status.json?["routes"] as? [String: String]) == ["": "cheap", "legal": "broken"])
        await gateway.stop()
    }
}

extension GatewayRouteTests {
    /// "Fails before its first token" includes a 200 whose stream fails or stops before any text.
    @Test(arguments: ["error-event", "cut", "whole-error"])
    func aRoutedStreamThatFailsBeforeItsFirstTokenIsThePrimarys(failure: String) async throws {
        let upstream = try await LocalStreamingServer.start { request in
            guard request.json?["model"] as? String == "cheap-id" else { return .openAIChat(["primary ", "answer"]) }
            switch failure {
            case "error-event": return .sse([#"{"error":{"message":"overloaded","type":"server_error"}}"#], done: false)
            case "cut": return ScriptedResponse(headers: [("Content-Type", "text/event-stream")],
                                                parts: [.bytes(Array(#"data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}"#.utf8) + [10, 10]), .cut])
            default: return .json(200, #"{"error":{"message":"overloaded"}}"#)
            }
        }
        defer { Task { try? await upstream.stop() } }
        var options = GatewayHarness.Options()
        options.route = Fixed(models: ["": GatewayHarness.model("cheap", base: upstream.baseURL)])
        options.primaryBase = upstream.baseURL
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["unused"]) }
        let reply = try await gateway.post(GatewayHarness.chat("hi", stream: failure != "whole-error"))
        #expect(reply.status == 200)
        #expect(reply.header("x-arena-model") == "primary")
        #expect(reply.text.contains("primary "))
        #expect(!reply.text.contains("overloaded"))
        await gateway.stop()
    }

    @Test func aRoutedStreamIsRelayedWholeOnceItsFirstTokenCame() async throws {
        let bytes = try Transcripts.body("llama/stream")
        let upstream = try await LocalStreamingServer.start { _ in .raw(bytes, contentType: "text/event-stream", chunkSize: 3) }
        defer { Task { try? await upstream.stop() } }
        var options = GatewayHarness.Options()
        options.route = Fixed(models: ["": GatewayHarness.model("cheap", base: upstream.baseURL)])
        options.primaryBase = upstream.baseURL
        let gateway = try await GatewayHarness.start(options) { _ in .openAIChat(["unused"]) }
        let reply = try await gateway.post(GatewayHarness.chat("hi"))
        #expect(reply.header("x-arena-model") == "cheap")
        #expect(reply.body == bytes, "what was read ahead is sent first, byte for byte")
        await gateway.stop()
    }
}

extension GatewayTranslationTests {
    @Test func anOllamaStreamIsTranslatedWithItsReasoning() async throws {
        let lines = [
            #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"","thinking":"Two plus two."},"done":false}"#,
            #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"It is "},"done":false}"#,
            #"{"model":"qwen3","created_at":"t","message":{"role":"assistant","content":"4."},"done":true,"done_reason":"length","prompt_eval_count":26,"eval_count":282}"#,
        ]
        var options = GatewayHarness.Options()
        options.provider = .ollama
        let gateway = try await GatewayHarness.start(options) { _ in
            .raw(Array((lines.joined(separator: "\n") + "\n").utf8), contentType: "application/x-ndjson", chunkSize: 9)
        }
        let reply = try await gateway.post(GatewayHarness.chat("2+2?", extra: ["stream_options": ["include_usage": true]]))
        #expect(reply.status == 200)
        #expect(gateway.upstream.requests.first?.uri.hasSuffix("/api/chat") == true)
        let parsed = try Self.chunks(reply.text)
        #expect(parsed.content == "It is 4.")
        #expect(parsed.finish == ["length"])
        #expect(reply.text.contains(#""reasoning_content":"Two plus two.""#))
        #expect(reply.text.contains(#""prompt_tokens":26"#) && reply.text.contains(#""completion_tokens":282"#), "usage, as the client asked")
        await gateway.stop()
    }
}
