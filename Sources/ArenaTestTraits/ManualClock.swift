import Synchronization

/// A clock that moves only when a test says so: `advance(by:)` wakes every sleeper whose time has
/// come, `sleepers(atLeast:)` waits until code under test is asleep on it. Timeouts, retry waits
/// and frame caps run on it in tests, so they need no wall-clock sleeps and no timing bounds.
///
/// ```swift
/// let clock = ManualClock()
/// let client = ModelClient(clock: ArenaClock(clock))
/// … start a stream that stalls …
/// await clock.sleepers(atLeast: 1)      // the watchdog is waiting
/// clock.advance(by: .seconds(31))       // past the first-token timeout: it fires now
/// ```
public final class ManualClock: Clock, Sendable {
    public struct Instant: InstantProtocol {
        /// Time since the clock was made.
        public var offset: Duration
        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Waiter {
        var ready: @Sendable ([Instant]) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID = 0
        var sleepers: [Sleeper] = []
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: [Waiter] = state.withLock { state in
                    if deadline <= state.now || Task.isCancelled {
                        let cancelled = Task.isCancelled
                        if cancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                        return []
                    }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    let deadlines = state.sleepers.map(\.deadline)
                    let ready = state.waiters.filter { $0.ready(deadlines) }
                    state.waiters.removeAll { $0.ready(deadlines) }
                    return ready
                }
                for waiter in ready { waiter.continuation.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward, waking every sleeper whose deadline is reached, earliest first.
    public func advance(by duration: Duration) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// How many tasks are asleep on this clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// When each sleeper wakes, soonest first.
    public var sleeperDeadlines: [Instant] { state.withLock { $0.sleepers.map(\.deadline).sorted() } }

    /// Returns once at least `count` tasks are asleep on this clock.
    public func sleepers(atLeast count: Int) async {
        await sleepers { $0.count >= count }
    }

    /// Returns once some task sleeps until `instant` or later.
    public func sleeper(until instant: Instant) async {
        await sleepers { $0.contains { $0 >= instant } }
    }

    /// Returns once the sleepers' wake-up times satisfy `ready` (checked now and at each new sleeper).
    public func sleepers(_ ready: @escaping @Sendable ([Instant]) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now: Bool = state.withLock { state in
                if ready(state.sleepers.map(\.deadline)) { return true }
                state.waiters.append(Waiter(ready: ready, continuation: continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}
