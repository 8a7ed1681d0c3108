import ArenaTestSupport
import ArenaUI
import Foundation
import Testing

/// `arena models --probe` against real loopback servers, and `arena models` with no config file.
@Suite("arena models: probing and discovery", .serialized, .timeLimit(.minutes(2)))
struct ModelsProbeTests {
    /// /list/… serves a model list and the OpenAI chat; /gem/… serves only Gemini's streaming chat
    /// route (as a proxy might); /gone/… serves nothing.
    static func server() async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/list/"), request.uri.hasSuffix("/models") {
                return .json(200, #"{"object":"list","data":[{"id":"id-priced"},{"id":"id-unpriced-but-long"}]}"#)
            }
            if request.uri.hasPrefix("/gem/"), request.method == "POST", request.uri.contains(":streamGenerateContent") {
                return .sse([#"{"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP"}]}"#], done: false)
            }
            return .json(404, #"{"error":{"message":"Not Found","code":404}}"#)
        }
    }

    static func config(_ server: LocalStreamingServer) -> String {
        let base = server.baseURL.absoluteString
        return """
            models:
              - { name: priced, base_url: "\(base)/list/v1", model: id-priced, price: { input: 0.15, output: 0.6 }, tags: [local, small] }
              - { name: a-model-with-a-long-name, base_url: "\(base)/list/v1", model: id-unpriced-but-long }
              - { name: gem, provider: gemini, base_url: "\(base)/gem/v1beta", model: gemini-x, api_key_env: ARENA_TEST_KEY,
                  price: { input: 1, output: 2 } }
              - { name: gone, base_url: "\(base)/gone/v1", model: m }
            """
    }

    @Test func columnsLineUpWhateverIsMissingAndFailuresNameTheURL() async throws {
        let server = try await Self.server()
        // A generous timeout: the test servers share 2 cores with every other test.
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k", "ARENA_PROBE_TIMEOUT": "30"])
        try arena.writeConfig(Self.config(server))
        let result = try await arena.run(["models", "--probe"])
        #expect(result.status == 1)
        #expect(result.stderr == "arena: 1 of 4 endpoints did not answer\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Where each line's probe result starts, in terminal columns: the same for every model.
        let starts = lines.compactMap { line -> Int? in
            guard let range = line.range(of: "ok ") ?? line.range(of: "✗ ") else { return nil }
            return DisplayWidth.of(line[..<range.lowerBound])
        }
        #expect(starts.count == 4 && Set(starts).count == 1, "\(result.stdout)")
        // The URL column too, and the price column (a dash where there is none).
        let urls = lines.compactMap { line in line.range(of: "http://").map { DisplayWidth.of(line[..<$0.lowerBound]) } }
        #expect(Set(urls).count == 1)
        let prices = lines.compactMap { line in (line.range(of: "$") ?? line.range(of: "–")).map { DisplayWidth.of(line[..<$0.lowerBound]) } }
        #expect(prices.count == 4 && Set(prices).count == 1, "\(result.stdout)")

        // A Gemini-format endpoint that streams (but lists no models) is reachable on its chat route.
        let gem = try #require(lines.first { $0.hasPrefix("gem ") })
        #expect(gem.contains("ok "), "\(gem)")
        let gone = try #require(lines.first { $0.hasPrefix("gone") })
        let base = server.baseURL.absoluteString
        #expect(gone.contains("✗ ") && gone.contains("HTTP 404"))
        #expect(gone.contains("probed GET \(base)/gone/v1/models, then POST \(base)/gone/v1/chat/completions"), "\(gone)")
        // The chat-route probe spends nothing: an empty conversation, one token at most.
        let chatProbe = try #require(server.requests.first { $0.uri.contains(":streamGenerateContent") })
        #expect((chatProbe.json?["contents"] as? [Any])?.isEmpty == true)
        #expect((chatProbe.json?["generationConfig"] as? [String: Any])?["maxOutputTokens"] as? Int == 1)
        #expect(chatProbe.headers.contains { $0.0.lowercased() == "x-goog-api-key" && $0.1 == "k" })
        try await server.stop()
    }

    /// Privileged ports nothing listens on (no test server can bind them), so connecting is refused
    /// at once. A just-stopped test server's port is not safe: a parallel test may bind it again.
    static func closedURLs(_ count: Int) -> [String] {
        Array([1, 7, 9, 11, 13].prefix(count)).map { "http://127.0.0.1:\($0)" }
    }

    static func discoveryEnvironment(openAI: String) -> [String: String] {
        let closed = closedURLs(4)
        return ["ARENA_DISCOVERY": "on", "OPENAI_API_KEY": "sk-discovery-test-key-000", "ARENA_PROBE_TIMEOUT": "30",
                "ARENA_DISCOVERY_OLLAMA_URL": closed[0], "ARENA_DISCOVERY_LLAMACPP_URL": closed[1] + "/v1",
                "ARENA_DISCOVERY_VLLM_URL": closed[2] + "/v1", "ARENA_DISCOVERY_LMSTUDIO_URL": closed[3] + "/v1",
                "ARENA_DISCOVERY_OPENAI_URL": openAI]
    }

    @Test func discoverySaysWhichHostedAPIItTriedAndWhy() async throws {
        let unreachable = "http://127.0.0.1:17/v1"
        let arena = ArenaProcess(extraEnvironment: Self.discoveryEnvironment(openAI: unreachable))
        let result = try await arena.run(["models"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("arena: discovery: OpenAI (OPENAI_API_KEY set): \(unreachable) left out: connection refused"),
                "\(result.stderr)")
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("arena: no config file at \(arena.configPath), no local model server answered (Ollama ("))
        #expect(last.contains("no hosted API could be used (see above)"))
        #expect(!last.contains("no API key variable"))
        #expect(!result.stderr.contains("sk-discovery-test-key-000"))

        let refusing = try await LocalStreamingServer.start { _ in
            .json(401, #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"#)
        }
        let denied = ArenaProcess(extraEnvironment: Self.discoveryEnvironment(openAI: refusing.baseURL.absoluteString + "/v1"))
        let deniedResult = try await denied.run(["models"])
        #expect(deniedResult.status == 2)
        #expect(deniedResult.stderr.contains("OpenAI (OPENAI_API_KEY set): \(refusing.baseURL.absoluteString)/v1 left out: "), "\(deniedResult.stderr)")
        #expect(deniedResult.stderr.contains("OPENAI_API_KEY"))
        try await refusing.stop()
    }

    @Test func discoveryUsesAHostedAPIThatAnswers() async throws {
        let hosted = try await LocalStreamingServer.start { request in
            request.uri.hasSuffix("/models")
                ? .json(200, #"{"object":"list","data":[{"id":"gpt-4o-mini"},{"id":"text-embedding-3-small"}]}"#)
                : .json(404, "{}")
        }
        let arena = ArenaProcess(extraEnvironment: Self.discoveryEnvironment(openAI: hosted.baseURL.absoluteString + "/v1"))
        let result = try await arena.run(["models"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("using what was found: OpenAI (1 model)"), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("openai/gpt-4o-mini"))
        try await hosted.stop()
    }
}
