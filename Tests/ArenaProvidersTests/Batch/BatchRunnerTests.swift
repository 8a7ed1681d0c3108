import ArenaCore
import ArenaProviders
import ArenaTestSupport
import ArenaTestTraits
import Foundation
import Synchronization
import Testing

@Suite("Batch runs", .timeLimit(.minutes(1)))
struct BatchRunnerTests {
    /// Counts requests in flight per endpoint, remembering the most seen at once.
    final class InFlight: Sendable {
        let state = Mutex<(now: [String: Int], peak: [String: Int])>(([:], [:]))
        func enter(_ key: String) { state.withLock { $0.now[key, default: 0] += 1; $0.peak[key] = max($0.peak[key] ?? 0, $0.now[key]!) } }
        func leave(_ key: String) { state.withLock { $0.now[key, default: 1] -= 1 } }
        var peak: [String: Int] { state.withLock { $0.peak } }
    }

    static func jobs(_ models: [ModelConfig], prompts: Int) -> [BatchJob] {
        (0..<prompts).flatMap { index in
            models.map { model in
                BatchJob(suite: "s", promptID: "p\(index)", repeatIndex: 0,
                         request: ChatRequest(model: model, messages: [ChatMessage(role: .user, content: "Q\(index)")]))
            }
        }
    }

    @Test func respectsOverallAndPerEndpointConcurrencyAndReportsEveryJob() async throws {
        let inFlight = InFlight()
        let server = try await LocalStreamingServer.start { request in
            let endpoint = String(request.uri.split(separator: "/").first ?? "")
            if endpoint == "broken" { return .json(500, #"{"error":{"message":"down"}}"#) }
            inFlight.enter(endpoint)
            // Counted in flight until its text is sent, just before the final `[DONE]`: the client
            // cannot reuse the slot before that arrives, so overlaps are never over-counted.
            var response = ScriptedResponse.openAIChat(["answer"], delay: .milliseconds(30))
            response.parts.insert(.run { inFlight.leave(endpoint) }, at: response.parts.count - 1)
            return response
        }
        let models = ["solo", "wide", "broken"].map { name in
            ModelConfig(name: name, baseURL: server.baseURL.appendingPathComponent("\(name)/v1"), model: name)
        }
        let limits = BatchLimits(concurrency: 3, perEndpoint: [models[0].baseURL.absoluteString: 1], defaultPerEndpoint: 2)
        let results = Locked<[(String, Answer)]>([])
        let runner = BatchRunner(client: ModelClient(), config: ArenaConfig(models: models), limits: limits)
        await runner.run(Self.jobs(models, prompts: 6)) { job, answer in
            results.update { $0.append(("\(job.request.model.name)/\(job.promptID)", answer)) }
        }
        let all = results.value
        #expect(all.count == 18)
        #expect(Set(all.map(\.0)).count == 18)
        #expect(all.filter { $0.0.hasPrefix("broken/") }.allSatisfy { $0.1.error?.kind == .serverError })
        #expect(all.filter { !$0.0.hasPrefix("broken/") }.allSatisfy { $0.1.text == "answer" })
        #expect((inFlight.peak["solo"] ?? 0) <= 1)
        #expect((inFlight.peak["wide"] ?? 0) <= 2)
        try await runner.client.shutdown()
        try await server.stop()
    }

    @Test func pacesRequestsPerMinute() async throws {
        let server = try await LocalStreamingServer.start { _ in .openAIChat(["ok"]) }
        let model = ModelConfig(name: "paced", baseURL: server.baseURL.appendingPathComponent("v1"), model: "m")
        let limits = BatchLimits(concurrency: 4, requestsPerMinute: [model.baseURL.absoluteString: 600])  // one per 100 ms
        let clock = ManualClock()
        let runner = BatchRunner(client: ModelClient(clock: ArenaClock(clock)), config: ArenaConfig(models: [model]), limits: limits)
        let run = Task { await runner.run(Self.jobs([model], prompts: 5)) { _, _ in } }
        // One request per 100 ms of clock time, each exactly when its slot comes, never before.
        for step in 1...5 {
            await server.requests(atLeast: step)
            #expect(server.requests.count == step)
            if step < 5 {
                let slot = ManualClock.Instant(offset: .milliseconds(100 * step))
                await clock.sleepers { $0.contains(slot) }   // the next job waits for exactly its slot
                clock.advance(by: .milliseconds(100))
            }
        }
        await run.value
        #expect(server.requests.count == 5)
        try await runner.client.shutdown()
        try await server.stop()
    }

    @Test func fingerprintChangesWithWhatIsSent() {
        let model = ModelConfig(name: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: "id",
                                params: GenerationParams(maxTokens: 100))
        let job = BatchJob(suite: "s", promptID: "p", repeatIndex: 0,
                           request: ChatRequest(model: model, messages: [ChatMessage(role: .user, content: "Q")]))
        var edited = job
        edited.request.messages = [ChatMessage(role: .user, content: "Q!")]
        var retuned = job
        retuned.request.model.params.maxTokens = 200
        var renamed = job
        renamed.request.model.name = "other display name"
        #expect(job.fingerprint != edited.fingerprint)
        #expect(job.fingerprint != retuned.fingerprint)
        #expect(job.fingerprint == renamed.fingerprint)
    }
}
