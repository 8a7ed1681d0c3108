/// Time as arena reads it: elapsed time on a monotonic clock, and sleeping until a point of it.
/// The streaming client (first-token and idle timeouts, retry waits) and the answer timings use
/// one of these, so tests can drive them with a manual clock instead of waiting.
///
/// ```swift
/// let clock = ArenaClock.system
/// let start = clock.now()
/// try await clock.sleep(until: start + .milliseconds(250))
/// ```
public struct ArenaClock: Sendable {
    /// Time elapsed since the clock's origin.
    public let now: @Sendable () -> Duration
    /// Sleeps until `now()` reaches the given point; throws `CancellationError` when cancelled.
    public let sleep: @Sendable (_ until: Duration) async throws -> Void

    /// Wraps any clock measured in `Duration`s (`ContinuousClock`, a test clock).
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { deadline in try await clock.sleep(until: origin.advanced(by: deadline), tolerance: nil) }
    }

    /// The monotonic system clock.
    public static let system = ArenaClock(ContinuousClock())

    public func sleep(for duration: Duration) async throws {
        try await sleep(now() + duration)
    }
}

extension Duration {
    /// In milliseconds, as a `Double` (for metrics).
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
