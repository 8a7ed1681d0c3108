import ArenaCore
import Foundation
import Synchronization

/// Runs many independent requests with bounded concurrency (overall and per endpoint) and
/// optional per-endpoint request rates, handing each finished answer to `onResult` as soon as
/// it is done — so an interrupted run keeps everything it finished.
///
/// ```swift
/// let runner = BatchRunner(client: client, config: config, limits: BatchLimits(concurrency: 4))
/// await runner.run(jobs) { job, answer in try? await store.offPool { try $0.save(runAnswer: …) } }
/// ```
///
/// Cancel the calling task to stop: jobs not started are skipped, running ones are handed over
/// ending `.cancelled` (store those as nothing: they are neither answers nor failures).
public struct BatchRunner: Sendable {
    public let client: ModelClient
    public let config: ArenaConfig
    public let limits: BatchLimits

    public init(client: ModelClient, config: ArenaConfig, limits: BatchLimits) {
        self.client = client
        self.config = config
        self.limits = limits
    }

    /// `onResult` is awaited in the job's task: a store write belongs in `BattleStore.offPool`
    /// there, so a slow store never holds a thread the other jobs stream on.
    public func run(_ jobs: [BatchJob], onResult: @escaping @Sendable (BatchJob, Answer) async -> Void) async {
        let gate = EndpointGate(limits: limits, clock: client.clock)
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            var queue = jobs[...]
            while !queue.isEmpty || running > 0 {
                if Task.isCancelled { break }
                // Start the first queued job whose endpoint has room, up to the overall limit.
                if running < limits.concurrency,
                   let index = queue.indices.first(where: { gate.tryEnter(queue[$0].request.model) }) {
                    let job = queue[index]
                    queue.remove(at: index)
                    running += 1
                    group.addTask {
                        await gate.pace(job.request.model)
                        let answer = await AnswerStreamer(client: client).answer(
                            job.request, seatIndex: 0, limits: StreamLimits(model: job.request.model, config: config)) { _ in }
                        gate.leave(job.request.model)
                        await onResult(job, answer)
                    }
                    continue
                }
                // Nothing could start: wait for one to finish.
                if running > 0, await group.next() != nil { running -= 1 } else if running == 0 {
                    // Every queued job waits on an endpoint with no room, which cannot happen
                    // with nothing running; guard against a spin anyway.
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            group.cancelAll()
        }
    }
}

/// Per-endpoint concurrency slots and request pacing.
final class EndpointGate: Sendable {
    private struct State {
        var inFlight: [String: Int] = [:]
        var nextStart: [String: Duration] = [:]
    }

    private let state = Mutex(State())
    private let limits: BatchLimits
    private let clock: ArenaClock

    init(limits: BatchLimits, clock: ArenaClock) {
        self.limits = limits
        self.clock = clock
    }

    func tryEnter(_ model: ModelConfig) -> Bool {
        let endpoint = BatchLimits.endpoint(of: model)
        let limit = limits.perEndpoint[endpoint] ?? limits.defaultPerEndpoint
        return state.withLock { state in
            guard state.inFlight[endpoint, default: 0] < limit else { return false }
            state.inFlight[endpoint, default: 0] += 1
            return true
        }
    }

    func leave(_ model: ModelConfig) {
        let endpoint = BatchLimits.endpoint(of: model)
        state.withLock { $0.inFlight[endpoint, default: 1] -= 1 }
    }

    /// Waits until this endpoint's request rate allows another start.
    func pace(_ model: ModelConfig) async {
        let endpoint = BatchLimits.endpoint(of: model)
        guard let perMinute = limits.requestsPerMinute[endpoint], perMinute > 0 else { return }
        let spacing = Duration.milliseconds(Int(60_000 / perMinute))
        let now = clock.now()
        let start: Duration = state.withLock { state in
            let slot = max(state.nextStart[endpoint] ?? now, now)
            state.nextStart[endpoint] = slot + spacing
            return slot
        }
        if start > now { try? await clock.sleep(start) }
    }
}
