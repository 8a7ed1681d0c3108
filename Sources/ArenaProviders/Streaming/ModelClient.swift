import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Streams answers from model endpoints over real HTTP (async-http-client).
///
/// The one place for timeouts, retries, the answer size cap and cancellation; per-provider
/// differences live in `WireFormat`s. Every stream it returns ends with exactly one
/// `.finished` or `.failed` event and never throws: a failing endpoint is displayed state.
///
/// ```swift
/// let client = ModelClient()
/// for await event in client.stream(ChatRequest(model: model, messages: messages),
///                                  limits: StreamLimits(model: model, config: config)) { … }
/// try await client.shutdown()
/// ```
///
/// Traps: call `shutdown()` before exit. Cancelling the consuming task cancels the request
/// promptly; the stream then just ends (an `AsyncStream` stops yielding to a cancelled
/// consumer), so `BattleRunner` marks such an answer `.cancelled` itself.
public final class ModelClient: Sendable {
    private let clients = Mutex<[Int: HTTPClient]>([:])
    private let environment: [String: String]
    /// The clock of every timeout, retry wait and answer timing of this client.
    public let clock: ArenaClock
    /// Where retry jitter comes from.
    public let random: RandomSource

    /// - Parameters:
    ///   - environment: where API keys are read from (by the variable the config names).
    ///   - clock: time for first-token and idle timeouts, retry waits and timings (tests: a manual clock).
    ///   - random: chance for retry jitter (tests: seeded).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, clock: ArenaClock = .system,
                random: RandomSource = RandomSource()) {
        self.environment = environment
        self.clock = clock
        self.random = random
    }

    public func shutdown() async throws {
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { try await client.shutdown() }
    }

    public func stream(_ chat: ChatRequest, limits: StreamLimits) -> AsyncStream<StreamEvent> {
        AsyncStream(bufferingPolicy: .unbounded) { continuation in
            let task = Task {
                await self.run(chat, limits: limits) { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Runs every attempt for one answer, emitting events through `emit`.
    func run(_ chat: ChatRequest, limits: StreamLimits, emit: @escaping @Sendable (StreamEvent) -> Void) async {
        let format = chat.model.provider.wireFormat
        let keyVariable = KeyResolver.variable(for: chat.model)
        let spec: HTTPRequestSpec
        do {
            let key = try KeyResolver.key(variable: keyVariable, model: chat.model, environment: environment)
            spec = try format.request(for: chat, apiKey: key)
        } catch {
            emit(.failed(error))
            return
        }
        var attempt = 1
        while true {
            let outcome = await self.attempt(spec, format: format, limits: limits, keyVariable: keyVariable, emit: emit)
            switch outcome {
            case .done:
                return
            case .failed(let error, let sawContent, _):
                if Task.isCancelled { emit(.finished(.cancelled)); return }
                guard error.isRetryable, !sawContent, attempt < limits.maxAttempts else {
                    emit(sawContent && error.kind == .network ? .finished(.truncated) : .failed(error))
                    return
                }
                let advised = outcome.retryAfter
                if let advised, advised > limits.maxRetryWaitSeconds {
                    var told = error
                    told.message += " — the server asks to wait \(Int(advised)) s; not retrying"
                    emit(.failed(told))
                    return
                }
                let delay = advised ?? random.draw { Backoff.delay(attempt: attempt, using: &$0) }
                emit(.retrying(attempt: attempt, delaySeconds: delay, reason: error))
                do { try await clock.sleep(for: .milliseconds(Int(delay * 1000))) } catch {
                    emit(.finished(.cancelled))
                    return
                }
                attempt += 1
            }
        }
    }

    enum AttemptOutcome {
        case done
        case failed(ProviderError, sawContent: Bool, retryAfter: Double? = nil)

        var retryAfter: Double? {
            if case .failed(_, _, let retryAfter) = self { return retryAfter }
            return nil
        }
    }

    private func attempt(_ spec: HTTPRequestSpec, format: any WireFormat, limits: StreamLimits,
                         keyVariable: String?, emit: @escaping @Sendable (StreamEvent) -> Void) async -> AttemptOutcome {
        let watch = AttemptWatch(firstToken: .milliseconds(Int(limits.firstTokenSeconds * 1000)),
                                 idle: .milliseconds(Int(limits.idleSeconds * 1000)), clock: clock)
        let client = httpClient(connectSeconds: limits.connectSeconds)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await ResponseReader(client: client, spec: spec, format: format, limits: limits,
                                             keyVariable: keyVariable, watch: watch)
                        .read(emit: emit, retryAfter: { value in watch.retryAfter = value })
                }
                group.addTask { try await watch.watch() }
                _ = try await group.next()
                group.cancelAll()
            }
            return .done
        } catch let box as ProviderErrorBox {
            return .failed(box.error, sawContent: watch.sawContent, retryAfter: watch.retryAfter)
        } catch {
            if Task.isCancelled || error is CancellationError {
                emit(.finished(.cancelled))
                return .done
            }
            return .failed(TransportErrorMapper.map(error, url: spec.url), sawContent: watch.sawContent)
        }
    }

    private func httpClient(connectSeconds: Double) -> HTTPClient {
        let key = Int(connectSeconds * 1000)
        return clients.withLock { clients in
            if let existing = clients[key] { return existing }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .milliseconds(Int64(key)))
            configuration.decompression = .enabled(limit: .ratio(100))
            configuration.httpVersion = .automatic
            // A refused connection must fail at once (the seat shows it), not be retried until the
            // connect timeout: arena retries, where it makes sense, in one place of its own.
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }
}

/// Exponential backoff with jitter for retries that came without a server hint.
enum Backoff {
    /// 0.5 s, 1 s, 2 s … (at most 8 s), each ±20% so seats retrying together spread out.
    static func delay<G: RandomNumberGenerator>(attempt: Int, using generator: inout G) -> Double {
        let base = min(0.5 * pow(2, Double(attempt - 1)), 8)
        return base * Double.random(in: 0.8...1.2, using: &generator)
    }
}
