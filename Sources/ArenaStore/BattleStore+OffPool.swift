import Dispatch

extension BattleStore {
    /// Runs `body` on the store's own thread and awaits it without holding a cooperative thread.
    ///
    /// ```swift
    /// try await store.offPool { store throws(StoreError) in try store.save(verdict: record) }
    /// ```
    ///
    /// Why: store calls block — a SQLite write waits for the file lock, and a PostgreSQL call can
    /// spend seconds reconnecting (40 × 250 ms) — and Swift's cooperative pool has one thread per
    /// core (two here). A store call made straight from a task would stall every stream of the
    /// screen behind it; through `offPool` the streams keep their threads. Calls run one at a time,
    /// in order, as the backends expect.
    public func offPool<T: Sendable>(_ body: @escaping @Sendable (BattleStore) throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await Self.onStoreThread {
            do throws(StoreError) { return .success(try body(self)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Runs `body` (several store calls and the bookkeeping around them) on the store's thread.
    public static func onStoreThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            storeQueue.async { continuation.resume(returning: body()) }
        }
    }
}

/// One serial queue for every store's blocking calls (its threads are GCD's, not the cooperative pool's).
let storeQueue = DispatchQueue(label: "arena.store", qos: .userInitiated)
