import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// One HTTP response, read on its connection's event loop and handed to its reader in batches:
/// every body part that arrives while the reader is busy (or before it wakes) comes in its next
/// batch, so a fast server costs one wake-up per batch, not one per chunk. The answer streams of
/// `ModelClient` and the gateway's relay both read this way (docs/performance.md).
///
/// ```swift
/// let response = BatchedResponse.execute(request, on: client, loop: loop, headDeadline: .seconds(121), idle: .seconds(60))
/// let head = try await response.head()
/// while let batch = try await response.nextBatch() { try await writer.write(contentsOf: batch) }
/// ```
///
/// Traps: the delegate's callbacks run on the connection's loop; a reader task resumed from there
/// runs on that same loop (NIO's global executor prefers the current loop), after the whole
/// socket read has been handed over, which is what makes batches. Past `highWater` unread bytes
/// the connection stops reading until the writer takes a batch, so memory stays bounded. Call
/// `cancel()` when the reader walks away; every promise is completed on every path (NIO traps
/// on a leaked one).
package final class BatchedResponse: HTTPClientResponseDelegate, Sendable {
    package typealias Response = Void

    package struct Head: Sendable {
        package var status: Int
        package var headers: [(String, String)]
    }

    /// Unread bytes past which the upstream connection stops reading.
    package static let highWater = 1 << 20

    private struct State {
        var head: Result<Head, any Error>?
        var headWaiter: CheckedContinuation<Head, any Error>?
        var pending: [ByteBuffer] = []
        var pendingBytes = 0
        /// nil while the body is coming; `.success` at its end, `.failure` when it failed.
        var end: Result<Void, any Error>?
        var bodyWaiter: CheckedContinuation<Void, Never>?
        var paused: EventLoopPromise<Void>?
        var task: HTTPClient.Task<Void>?
        var idle: TimeAmount?
        var headTimer: Scheduled<Void>?
        /// When the head or the last body part came, or the reader last took a batch.
        var lastActivity = NIODeadline.now()
    }

    private let state = Mutex(State())

    private init() {}

    /// Starts `request` with a new `BatchedResponse` as its delegate. With a `loop`, the connection
    /// is taken on that event loop (the caller's own), so the reader is woken without crossing threads.
    package static func execute(_ request: HTTPClient.Request, on client: HTTPClient, loop: (any EventLoop)?,
                                headDeadline: TimeAmount, idle: TimeAmount?) -> BatchedResponse {
        let response = BatchedResponse()
        let task = client.execute(request: request, delegate: response, eventLoop: loop.map { .delegateAndChannel(on: $0) } ?? .indifferent)
        response.started(task, headDeadline: headDeadline, idle: idle)
        return response
    }

    /// Remembers the request's task, for `cancel()` and the watchdog: no head within `headDeadline`
    /// fails it as a first-token timeout, and once the head came, `idle` without a body part as a
    /// read timeout (not counting time the reader spends catching up). One timer per stream, moved
    /// only when it fires: a clock read per part instead of a timer per socket read. No `idle`:
    /// the caller watches for silence itself.
    private func started(_ task: HTTPClient.Task<Void>, headDeadline: TimeAmount, idle: TimeAmount?) {
        let headTimer = task.eventLoop.scheduleTask(in: headDeadline) { [weak self] in
            guard let self, self.state.withLock({ $0.head == nil && $0.end == nil }) else { return }
            task.fail(reason: HTTPClientError.deadlineExceeded)
        }
        let headCame = state.withLock { state in
            state.task = task
            state.idle = idle
            state.headTimer = headTimer
            return state.head != nil
        }
        if headCame { watchIdle(task) }
    }

    /// Checks for silence once per `idle`, from the head on.
    private func watchIdle(_ task: HTTPClient.Task<Void>) {
        let (idle, headTimer) = state.withLock { state in
            defer { state.headTimer = nil }
            return (state.idle, state.headTimer)
        }
        headTimer?.cancel()
        if let idle { watch(task, at: .now() + idle) }
    }

    private func watch(_ task: HTTPClient.Task<Void>, at deadline: NIODeadline) {
        task.eventLoop.scheduleTask(deadline: deadline) { [weak self] in
            guard let self else { return }
            enum Verdict { case done, timedOut, again(NIODeadline) }
            let verdict: Verdict = self.state.withLock { state in
                guard state.end == nil, let idle = state.idle else { return .done }
                let now = NIODeadline.now()
                if state.paused != nil { return .again(now + idle) }
                let due = state.lastActivity + idle
                return due <= now ? .timedOut : .again(due)
            }
            switch verdict {
            case .done: break
            case .timedOut: task.fail(reason: HTTPClientError.readTimeout)
            case .again(let deadline): self.watch(task, at: deadline)
            }
        }
    }

    /// The response's status and headers (redirects followed); throws what stopped the request before them.
    package func head() async throws -> Head {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Head, any Error>? = state.withLock { state in
                if state.head == nil { state.headWaiter = continuation }
                return state.head
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Every body part that has arrived since the last call, waiting for one if none has; nil at
    /// the end of the body. Throws the failure that cut it, after the parts that came before it.
    package func nextBatch() async throws -> [ByteBuffer]? {
        while true {
            let taken: (batch: [ByteBuffer], resume: EventLoopPromise<Void>?)? = try state.withLock { state in
                if !state.pending.isEmpty {
                    if state.paused != nil { state.lastActivity = .now() }
                    defer { state.pending = []; state.pendingBytes = 0; state.paused = nil }
                    return (state.pending, state.paused)
                }
                switch state.end {
                case .none: return nil
                case .success: return ([], nil)
                case .failure(let error): throw error
                }
            }
            if let taken {
                taken.resume?.succeed()
                return taken.batch.isEmpty ? nil : taken.batch
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    let ready = !state.pending.isEmpty || state.end != nil
                    if !ready { state.bodyWaiter = continuation }
                    return ready
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// The parts of one batch as one buffer: one feed of a decoder, one chunk of a relay (a copy
    /// costs less than the per-part work it saves).
    package static func joined(_ parts: [ByteBuffer]) -> ByteBuffer {
        guard parts.count > 1 else { return parts.first ?? ByteBuffer() }
        var joined = ByteBuffer()
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.readableBytes })
        for var part in parts { joined.writeBuffer(&part) }
        return joined
    }

    /// The whole body, up to `limit` bytes (the rest is read and dropped).
    package func collect(upTo limit: Int) async throws -> ByteBuffer {
        var whole = ByteBuffer()
        while let batch = try await nextBatch() {
            for var part in batch where whole.readableBytes < limit {
                whole.writeBuffer(&part)
            }
        }
        if whole.readableBytes > limit { whole.moveWriterIndex(to: whole.readerIndex + limit) }
        return whole
    }

    /// Stops the request: the reader has gone.
    package func cancel() {
        state.withLock { $0.task }?.cancel()
    }

    // MARK: HTTPClientResponseDelegate (on the connection's event loop)

    package func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let received = Head(status: Int(head.status.code), headers: head.headers.map { ($0.name, $0.value) })
        let (waiter, watching) = state.withLock { state in
            state.head = .success(received)
            state.lastActivity = .now()
            defer { state.headWaiter = nil }
            return (state.headWaiter, state.task != nil)
        }
        if watching { watchIdle(task) }  // else `started` does, once it knows the task
        waiter?.resume(returning: received)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    package func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let (waiter, paused) = state.withLock { state -> (CheckedContinuation<Void, Never>?, EventLoopFuture<Void>?) in
            state.pending.append(buffer)
            state.pendingBytes += buffer.readableBytes
            state.lastActivity = .now()
            defer { state.bodyWaiter = nil }
            guard state.pendingBytes >= Self.highWater else { return (state.bodyWaiter, nil) }
            let promise = task.eventLoop.makePromise(of: Void.self)
            state.paused = promise
            return (state.bodyWaiter, promise.futureResult)
        }
        waiter?.resume()
        return paused ?? task.eventLoop.makeSucceededVoidFuture()
    }

    package func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        end(.success(()))
    }

    package func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        end(.failure(error))
    }

    private func end(_ result: Result<Void, any Error>) {
        let (headWaiter, bodyWaiter, paused, headTimer) = state.withLock { state in
            if state.end == nil { state.end = result }
            var headWaiter: CheckedContinuation<Head, any Error>?
            if state.head == nil, case .failure(let error) = result {
                state.head = .failure(error)
                headWaiter = state.headWaiter
                state.headWaiter = nil
            }
            defer { state.bodyWaiter = nil; state.paused = nil; state.headTimer = nil }
            return (headWaiter, state.bodyWaiter, state.paused, state.headTimer)
        }
        headTimer?.cancel()
        if let headWaiter, case .failure(let error) = result { headWaiter.resume(throwing: error) }
        bodyWaiter?.resume()
        paused?.succeed()
    }
}
