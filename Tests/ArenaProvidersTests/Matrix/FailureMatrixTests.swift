import ArenaCore
import ArenaProviders
import ArenaTestSupport
import Foundation
import Synchronization
import Testing

/// Every failure × every provider: the right error kind (or outcome) in that seat, and the
/// healthy seat beside it unharmed.
@Suite("Failure matrix", .timeLimit(.minutes(3)))
struct FailureMatrixTests {
    enum Expect: Sendable {
        case failed(Set<ProviderError.Kind>, keepsText: String? = nil)
        case finished(FinishReason, text: String? = nil, retried: Bool = false)
        case textContains(String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var script: @Sendable (ProviderKind, Int) -> ScriptedResponse?  // (provider, call number) → response; nil: skip
        var expect: Expect
        var limits = StreamLimits(firstTokenSeconds: 20, idleSeconds: 1.5, maxAttempts: 1)
        var refused = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "connection refused", script: { kind, _ in WireScripts.stream(kind, ["x"]) }, expect: .failed([.connectionRefused]), refused: true),
        Case(name: "401", script: { kind, _ in WireScripts.error(kind, status: 401, type: "authentication_error", message: "invalid x-api-key") },
             expect: .failed([.authentication])),
        Case(name: "403", script: { kind, _ in WireScripts.error(kind, status: 403, type: "permission_error", message: "not allowed") },
             expect: .failed([.authentication])),
        Case(name: "404 unknown model", script: { kind, _ in WireScripts.error(kind, status: 404, type: "not_found_error", message: "model 'nope' not found") },
             expect: .failed([.notFound])),
        Case(name: "400 context too long", script: { kind, _ in
            WireScripts.error(kind, status: 400, type: "invalid_request_error",
                              message: "prompt is too long: this model's maximum context length is 2048 tokens") },
             expect: .failed([.contextTooLong])),
        Case(name: "429 with retry-after-ms, then success", script: { kind, call in
            call == 1 ? WireScripts.error(kind, status: 429, type: "rate_limit_error", message: "slow down", headers: [("retry-after-ms", "40")])
                : WireScripts.stream(kind, ["after ", "retry"]) },
             expect: .finished(.stop, text: "after retry", retried: true), limits: StreamLimits(idleSeconds: 10, maxAttempts: 3)),
        Case(name: "429 quota exhausted is not retried", script: { kind, _ in
            kind == .ollama ? nil : WireScripts.error(kind, status: 429, type: kind == .gemini ? "RESOURCE_EXHAUSTED" : "insufficient_quota",
                message: "You exceeded your current quota", extra: kind == .gemini
                    ? #","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]}]"# : "") },
             expect: .failed([.quotaExhausted]), limits: StreamLimits(maxAttempts: 3)),
        Case(name: "500", script: { kind, _ in WireScripts.error(kind, status: 500, type: "api_error", message: "internal error") },
             expect: .failed([.serverError])),
        Case(name: "502", script: { kind, _ in WireScripts.error(kind, status: 502, type: "api_error", message: "bad gateway") },
             expect: .failed([.serverError])),
        Case(name: "503/529 overloaded, retried, then success", script: { kind, call in
            call == 1 ? WireScripts.error(kind, status: kind == .anthropic ? 529 : 503, type: "overloaded_error", message: "Overloaded",
                                          headers: [("retry-after", "0")])
                : WireScripts.stream(kind, ["ok"]) },
             expect: .finished(.stop, text: "ok", retried: true), limits: StreamLimits(idleSeconds: 10, maxAttempts: 3)),
        Case(name: "error mid-stream after text", script: { kind, _ in WireScripts.midStreamError(kind, after: "Partial") },
             expect: .failed([.streamError, .serverError], keepsText: "Partial")),
        Case(name: "malformed chunk", script: { kind, _ in WireScripts.malformed(kind, after: "Before") },
             expect: .failed([.malformedChunk], keepsText: "Before")),
        Case(name: "stall past the idle timeout", script: { kind, _ in
            var response = WireScripts.stream(kind, ["Stalled"], terminal: false)
            response.parts.append(.stall)
            return response },
             expect: .failed([.idleTimeout], keepsText: "Stalled")),
        Case(name: "cut without the terminal marker", script: { kind, _ in
            var response = WireScripts.stream(kind, ["Cut"], terminal: false)
            response.parts.append(.cut)
            return response },
             expect: .finished(.truncated, text: "Cut")),
        Case(name: "closed without the terminal marker", script: { kind, _ in WireScripts.stream(kind, ["Ends"], terminal: false) },
             expect: .finished(.truncated, text: "Ends")),
        Case(name: "200 with an empty body", script: { kind, _ in
            ScriptedResponse(headers: [("Content-Type", kind == .ollama ? "application/x-ndjson" : "text/event-stream")], parts: []) },
             expect: .failed([.emptyResponse])),
        Case(name: "answer past the size cap", script: { kind, _ in WireScripts.stream(kind, Array(repeating: String(repeating: "z", count: 200), count: 100)) },
             expect: .finished(.truncated), limits: StreamLimits(idleSeconds: 10, maxAnswerBytes: 4096, maxAttempts: 1)),
        Case(name: "invalid UTF-8", script: { kind, _ in
            var response = WireScripts.stream(kind, ["ok"], terminal: true)
            // Splice two invalid bytes into the first text piece.
            let part = kind == .anthropic ? 2 : 0
            if case .bytes(var bytes) = response.parts[part],
               let index = bytes.indices.first(where: { bytes[$0...].starts(with: Array("ok\"".utf8)) }) {
                bytes.insert(contentsOf: [0xFF, 0xFE], at: index + 1)
                response.parts[part] = .bytes(bytes)
            }
            return response },
             expect: .textContains("\u{FFFD}")),
    ]

    @Test(arguments: cases, ProviderKind.allCases)
    func failureStaysInItsSeat(_ failure: Case, provider: ProviderKind) async throws {
        let calls = Locked(0)
        let skip = failure.script(provider, 1) == nil
        if skip { return }
        let server = try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/healthy") { return WireScripts.stream(.openai, ["Healthy", " answer."]) }
            let call = calls.update { $0 += 1; return $0 }
            return failure.script(provider, call) ?? .json(500, "{}")
        }
        var failingBase = server.baseURL.appendingPathComponent("failing")
        let closed = try ClosedPort()
        if failure.refused { failingBase = closed.baseURL }
        if provider == .openai { failingBase = failingBase.appendingPathComponent("v1") }
        let failing = ModelConfig(name: "failing", provider: provider, baseURL: failingBase, model: "m")
        let healthy = ModelConfig(name: "healthy", baseURL: server.baseURL.appendingPathComponent("healthy/v1"), model: "h")
        let client = ModelClient()
        let events = Locked<[StreamEvent]>([])
        let healthyAnswer = Task { () -> AnswerAccumulator in
            var accumulator = AnswerAccumulator()
            for await event in client.stream(ChatRequest(model: healthy, messages: [ChatMessage(role: .user, content: "Q")]),
                                             limits: StreamLimits(maxAttempts: 1)) { accumulator.apply(event) }
            return accumulator
        }
        var answer = AnswerAccumulator()
        for await event in client.stream(ChatRequest(model: failing, messages: [ChatMessage(role: .system, content: "S"), ChatMessage(role: .user, content: "Q")]),
                                         limits: failure.limits) {
            answer.apply(event)
            events.update { $0.append(event) }
        }
        let other = await healthyAnswer.value
        #expect(other.text == "Healthy answer." && other.finishReason == .stop, "healthy seat harmed")
        let retried = events.value.contains { if case .retrying = $0 { return true } else { return false } }
        switch failure.expect {
        case .failed(let kinds, let keepsText):
            #expect(answer.error.map { kinds.contains($0.kind) } == true, "got \(String(describing: answer.error)) \(answer.finishReason.map { "\($0)" } ?? "-")")
            #expect(answer.finishReason == .error)
            if let keepsText { #expect(answer.text == keepsText) }
        case .finished(let reason, let text, let shouldRetry):
            #expect(answer.error == nil, "unexpected \(String(describing: answer.error))")
            #expect(answer.finishReason == reason)
            if let text { #expect(answer.text == text) }
            #expect(retried == shouldRetry)
        case .textContains(let fragment):
            #expect(answer.text.contains(fragment), "text: \(answer.text)")
            #expect(answer.finishReason == .stop)
        }
        try await client.shutdown()
        try await server.stop()
    }
}
