import Dispatch

/// A `PostgresConnection` with a serial queue of its own: every libpq call on it, and every wait
/// between reconnection attempts, runs on that queue's thread, one call at a time — never on
/// Swift's cooperative thread pool.
///
/// ```swift
/// let worker = try PostgresWorker(url: "postgres://arena@db.example:5432/arena")
/// let n = try await worker.run { conn in   // from a task: the task is suspended, its thread is free
///     try conn.withReconnect(attempts: 40, delay: .milliseconds(250)) { try $0.execute("SELECT 1 AS n").first?.int("n") }
/// }
/// let m = try worker.runBlocking { try $0.execute("SELECT 2 AS m").first?.int("m") }   // from a thread that may block
/// ```
///
/// Why: the cooperative pool has one thread per core (two on a small machine). `withReconnect`
/// waiting out a server restart sleeps its thread for seconds, and libpq blocks its thread for
/// every round trip; on the pool, that thread is taken from every other task (streams, timers,
/// in-process servers) for as long.
///
/// Traps: a body must not call `run` or `runBlocking` on the same worker — it would wait for
/// itself (`runBlocking` stops the process with a precondition failure instead of hanging).
/// `runBlocking` blocks its caller: never call it from a task. Cancelling a task that awaits
/// `run` does not stop the body; it finishes and its result is dropped. The initializer connects
/// on the calling thread.
public final class PostgresWorker: @unchecked Sendable {
    /// `postgres://user@host:port/db`, for messages.
    public let redactedURL: String
    private let queue: DispatchQueue
    /// Touched only on `queue` (hence `@unchecked Sendable`).
    private let connection: PostgresConnection

    /// Connects (see `PostgresConnection.init(url:)`); `label` names the queue in debuggers.
    public init(url: String, label: String = "pgclient.worker") throws(PostgresError) {
        connection = try PostgresConnection(url: url)
        redactedURL = connection.redactedURL
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `body` on the worker's thread; the calling task waits without holding a thread.
    public func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self.connection) }) }
        }
    }

    /// Runs `body` on the worker's thread and blocks the calling thread until it is done.
    public func runBlocking<T>(_ body: (PostgresConnection) throws -> T) rethrows -> T {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync { try body(connection) }
    }

    /// Closes the connection (after any call already queued).
    public func close() {
        runBlocking { $0.close() }
    }
}
