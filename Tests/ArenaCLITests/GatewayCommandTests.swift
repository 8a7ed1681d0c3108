@testable import ArenaCLI
import ArenaCore
import ArenaStore
import ArenaTestSupport
import ArenaTestTraits
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `arena gateway` as a user runs it: a process that listens, serves, captures and stops cleanly.
@Suite("arena gateway", .timeLimit(.minutes(1)), .ownThread)
struct GatewayCommandTests {
    static func config(base: URL, extra: String = "") -> String {
        """
        models:
          - { name: main, base_url: "\(base.absoluteString)/v1", model: main-id, price: { input: 1, output: 2 } }
          - { name: cand, base_url: "\(base.absoluteString)/v1", model: cand-id, price: { input: 0.1, output: 0.1 } }
        \(extra)
        """
    }

    static func port(in stdout: String) -> Int? {
        guard let range = stdout.range(of: "listening on http://127.0.0.1:") else { return nil }
        return Int(stdout[range.upperBound...].prefix { $0.isNumber })
    }

    static func post(_ port: Int, _ text: String, stream: Bool = true, headers: [(String, String)] = []) async throws -> (Int, [(String, String)], String) {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { Task { try? await client.shutdown() } }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let body: [String: Any] = ["model": "anything", "stream": stream, "messages": [["role": "user", "content": text]]]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers.map { ($0.name, $0.value) }, String(buffer: bytes))
    }

    @Test func bindingBeyondLoopbackNeedsAClientToken() async throws {
        let arena = ArenaProcess()
        try arena.writeConfig(Self.config(base: URL(string: "http://127.0.0.1:9")!))
        let open = try await arena.run(["gateway", "--primary", "main", "--host", "0.0.0.0"])
        #expect(open.status != 0)
        #expect(open.stderr.contains("--token-env"))
        let unset = try await arena.run(["gateway", "--primary", "main", "--host", "0.0.0.0", "--token-env", "ARENA_GATEWAY_TOKEN_UNSET"])
        #expect(unset.status == 2)
        #expect(unset.stderr.contains("ARENA_GATEWAY_TOKEN_UNSET"))
        let unknown = try await arena.run(["gateway", "--primary", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("nope"))
    }

    @Test func itServesCapturesAndLetsAStreamFinishOnSIGTERM() async throws {
        let release = Locked(false)
        let upstream = try await LocalStreamingServer.start { request in
            guard request.json?["messages"].flatMap({ "\($0)" })?.contains("slow") == true else {
                return .openAIChat(["A quick ", "answer."], usage: (prompt: 12, completion: 3))
            }
            var slow = ScriptedResponse.openAIChat(["The slow ", "answer."])
            slow.parts.insert(.waitUntil { release.value }, at: 1)
            return slow
        }
        let arena = ArenaProcess()
        try arena.writeConfig(Self.config(base: upstream.baseURL))
        let replies = Locked<[String]>([])
        let result = try await arena.runServing(["gateway", "--port", "0", "--primary", "main", "--capture", "support",
                                                 "--shadow", "cand", "--shadow-rate", "1"]) { live, signal in
            await live.wait(for: "listening on")
            guard let port = Self.port(in: live.stdout) else { signal(.kill); return }
            do {
                let (code, headers, body) = try await Self.post(port, "quick question")
                #expect(code == 200)
                #expect(headers.contains { $0.0.lowercased() == "x-arena-model" && $0.1 == "main" })
                replies.update { $0.append(body) }
                let slow = Task { try await Self.post(port, "slow question") }
                await upstream.requests(atLeast: 3)          // quick, its shadow, slow
                signal(.terminate)
                await live.wait(for: "stopping", inStderr: true)
                release.update { $0 = true }
                let (slowCode, _, slowBody) = try await slow.value
                #expect(slowCode == 200)
                replies.update { $0.append(slowBody) }
            } catch {
                Issue.record("\(error)")
                signal(.kill)
            }
        }
        try await upstream.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("letting 1 answer finish"))
        #expect(result.stderr.contains("arena gateway: 2 requests"), "\(result.stderr)")
        #expect(replies.value.count == 2)
        #expect(replies.value.last?.hasSuffix("data: [DONE]\n\n") == true, "the stream in flight ran to its end")

        // What it captured is an ordinary suite, listed and judged like any other.
        let suites = try await arena.run(["suites"])
        #expect(suites.stdout.contains("support"))
        let store = try BattleStore(location: arena.storePath)
        let answers = try store.runAnswers(suite: "support")
        #expect(Set(answers.map(\.key.model)) == ["main", "cand"])
        #expect(answers.filter { $0.key.model == "main" }.count == 2)
        #expect(answers.filter { $0.key.model == "cand" }.count == 2, "the last request's shadow lands before the gateway exits")
        let recommended = try await arena.run(["recommend", "support", "--bar", "vs=main,noninferior=0.1"])
        #expect(recommended.stdout.contains("cand: no judgements yet — arena judge support"), "\(recommended.stdout)")
    }

    @Test func aRouteServesWhatRecommendRecommends() async throws {
        let arena = try RecommendCommandTests.prepare(prompts: 200)
        let upstream = try await LocalStreamingServer.start { request in
            .openAIChat(["served by ", request.json?["model"] as? String ?? "?"])
        }
        let base = "\(upstream.baseURL.absoluteString)/v1"
        try arena.writeConfig("""
            models:
              - { name: tiny, base_url: "\(base)", model: t, price: { input: 0.1, output: 0.1 } }
              - { name: mid, base_url: "\(base)", model: m, price: { input: 1, output: 1 } }
              - { name: big, base_url: "\(base)", model: b, price: { input: 10, output: 10 } }
            """)
        let bar = "vs=big,noninferior=0.1"
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let recommended = try await arena.run(["recommend", suite, "--bar", bar])
        #expect(recommended.status == 0, "\(recommended.stderr)")
        let cheapest = ["tiny", "mid"].first { recommended.stdout.contains("Cheapest adequate model for s: \($0)") }
        let statusBody = Locked("")
        let served = Locked<[String]>([])
        let result = try await arena.runServing(["gateway", "--port", "0", "--primary", "big", "--route", suite, "--bar", bar]) { live, signal in
            await live.wait(for: "listening on")
            guard let port = Self.port(in: live.stdout) else { signal(.kill); return }
            do {
                let (_, headers, body) = try await Self.post(port, "anything", stream: false)
                served.update { $0 = [headers.first { $0.0.lowercased() == "x-arena-model" }?.1 ?? "", body] }
                let client = HTTPClient(eventLoopGroupProvider: .singleton)
                let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/arena/status"), timeout: .seconds(10))
                let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                statusBody.update { $0 = text }
                try await client.shutdown()
            } catch { Issue.record("\(error)") }
            signal(.terminate)
        }
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try #require(cheapest, "recommend decided nothing:\n\(recommended.stdout)")
        #expect(served.value.first == expected)
        #expect(upstream.requests.last?.json?["model"] as? String == (expected == "mid" ? "m" : "t"))
        #expect(statusBody.value.contains("\"s\" : \"\(expected)\""), "\(statusBody.value)")
        try await upstream.stop()
    }
}

/// A traffic suite grows by capture, and arena's advice says so.
@Suite struct MoreEvidenceTests {
    @Test func trafficSuitesAreToldToCaptureMore() {
        let traffic = PromptSuite(name: "support", tags: ["traffic"], prompts: [SuitePrompt(id: "a", text: "hi")], source: "support.yaml")
        let written = PromptSuite(name: "faq", prompts: [SuitePrompt(id: "a", text: "hi")], source: "faq.yaml")
        #expect(MoreEvidence.moreAnswers(traffic).contains("arena gateway --capture support"))
        #expect(MoreEvidence.moreAnswers(written) == "for more, add answers: arena run faq --repeat 2")
        #expect(MoreEvidence.morePrompts(3, suiteName: "support", traffic: true).hasPrefix("let arena gateway --capture support take about 3 more prompts"))
        #expect(MoreEvidence.morePrompts(3, suiteName: "faq", traffic: false).hasPrefix("add about 3 prompts to it"))
    }

    @Test func aModelAgainstItsLaterVersionIsToldToReadTheDriftReport() {
        let written = PromptSuite(name: "faq", prompts: [SuitePrompt(id: "a", text: "hi")], source: "faq.yaml")
        let expected = "see whether it changed: arena drift faq --model gpt-mini --label 2026-12-03 --report"
        #expect(MoreEvidence.moreAnswers(written, models: ["gpt-mini", "gpt-mini@2026-12-03"]) == expected)
        #expect(MoreEvidence.moreAnswers(written, models: ["gpt-mini@2026-12-03", "gpt-mini"]) == expected)
        #expect(MoreEvidence.moreAnswers(written, models: ["a", "b"]) == "for more, add answers: arena run faq --repeat 2")
        #expect(MoreEvidence.driftPair(["a", "a@"]) == nil)
        #expect(MoreEvidence.driftPair(["a", "b", "a@x"]) == nil)
    }
}
