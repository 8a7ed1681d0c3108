import ArenaCore
import Synchronization

/// Shared between one attempt's reader and its watchdog: has content arrived yet, and when
/// must the next byte come by.
final class AttemptWatch: Sendable {
    struct State {
        var deadline: Duration
        var sawContent = false
        var sawBytes = false
        var retryAfter: Double?
    }

    private let state: Mutex<State>
    let firstToken: Duration
    let idle: Duration
    let clock: ArenaClock

    init(firstToken: Duration, idle: Duration, clock: ArenaClock) {
        self.firstToken = firstToken
        self.idle = idle
        self.clock = clock
        state = Mutex(State(deadline: clock.now() + firstToken))
    }

    /// Body bytes arrived: once content has been seen, the stream may rest for `idle` again.
    func bytesArrived() {
        let now = clock.now()
        state.withLock { state in
            state.sawBytes = true
            if state.sawContent { state.deadline = now + idle }
        }
    }

    /// The first answer (or reasoning) text arrived: from now on only the idle timeout applies.
    func contentArrived() {
        let now = clock.now()
        state.withLock { state in
            if !state.sawContent { state.sawContent = true }
            state.deadline = now + idle
        }
    }

    var sawContent: Bool { state.withLock { $0.sawContent } }

    /// The server's advice on when to retry, from the failed response, if any.
    var retryAfter: Double? {
        get { state.withLock { $0.retryAfter } }
        set { state.withLock { $0.retryAfter = newValue } }
    }
    var deadline: Duration { state.withLock { $0.deadline } }

    /// Waits until the deadline passes (then throws the matching timeout) or the task is cancelled.
    func watch() async throws {
        while true {
            let (deadline, sawContent) = state.withLock { ($0.deadline, $0.sawContent) }
            let now = clock.now()
            if now >= deadline {
                throw sawContent
                    ? ProviderErrorBox(.idleTimeout, "no data for \(Self.format(idle)) while streaming (idle timeout)")
                    : ProviderErrorBox(.firstTokenTimeout, "no answer within \(Self.format(firstToken)) (first-token timeout)")
            }
            // At most 250 ms at a time: the deadline moves (earlier, too) as bytes arrive.
            try await clock.sleep(min(deadline, now + .milliseconds(250)))
        }
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds >= 1 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds * 1000).rounded())) ms"
    }
}

import ArenaCore

/// A `ProviderError` thrown inside the attempt machinery.
struct ProviderErrorBox: Error {
    var error: ProviderError
    init(_ kind: ProviderError.Kind, _ message: String, status: Int? = nil) {
        error = ProviderError(kind, message, status: status)
    }
    init(_ error: ProviderError) { self.error = error }
}
