import ArenaCore
import Foundation
import Synchronization

/// What the gateway has done since it started, for the terminal line and `GET /arena/status`.
/// Every counter is bumped where the thing happens; `snapshot` is one consistent copy.
public final class GatewayStatus: Sendable {
    public struct Snapshot: Sendable, Equatable, Codable {
        public var started_at: String = ""
        public var primary: String = ""
        /// Requests answered (any status), streamed ones among them, and those that failed upstream.
        public var requests = 0
        public var streamed = 0
        public var upstream_errors = 0
        /// Clients that went away before their answer ended (never captured).
        public var client_gone = 0
        /// Requests the gateway itself refused (bad JSON, bad token).
        public var rejected = 0
        public var in_flight = 0
        public var captured = 0
        /// Why requests were not captured: not sampled, already captured, over the day's cap, or
        /// not a plain text conversation (tools, images…).
        public var capture_skipped: [String: Int] = [:]
        public var shadowed = 0
        public var shadow_failed = 0
        /// Shadow requests not sent: over the day's budget, or every shadow slot and queue place busy.
        public var shadow_dropped: [String: Int] = [:]
        /// Answers handed to the capture and not yet written.
        public var capture_pending = 0
        public var store_errors = 0
        public var spend_today_usd = 0.0
        public var shadow_spend_today_usd = 0.0
        /// Requests served per model, and what each route (suite or suite/tag) serves now.
        public var served_by: [String: Int] = [:]
        public var routes: [String: String] = [:]
        public var last_error: String?
    }

    private let state: Mutex<Snapshot>
    private let day = Mutex(GatewayDay.today())
    private let waiters = Mutex<[(condition: @Sendable (Snapshot) -> Bool, continuation: CheckedContinuation<Void, Never>)]>([])

    /// Blanks secrets out of `last_error`: an upstream's message may quote part of a key.
    private let redactor: Redactor?

    public init(primary: String, now: Date = Date(), redactor: Redactor? = nil) {
        self.redactor = redactor
        var initial = Snapshot()
        initial.primary = primary
        initial.started_at = ISO8601DateFormatter().string(from: now)
        state = Mutex(initial)
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    func update(_ change: (inout Snapshot) -> Void) {
        let today = GatewayDay.today()
        state.withLock { snapshot in
            day.withLock { current in
                if current != today {
                    current = today
                    snapshot.spend_today_usd = 0
                    snapshot.shadow_spend_today_usd = 0
                }
            }
            change(&snapshot)
            if let redactor, let error = snapshot.last_error { snapshot.last_error = redactor.redact(error) }
        }
        let now = snapshot
        let ready = waiters.withLock { waiting in
            let (met, unmet) = (waiting.filter { $0.condition(now) }, waiting.filter { !$0.condition(now) })
            waiting = unmet
            return met
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Returns once `condition` holds (at once if it does now): for tests and for shutdown, which
    /// waits for the capture to finish writing.
    public func wait(until condition: @escaping @Sendable (Snapshot) -> Bool) async {
        await withCheckedContinuation { continuation in
            let met = state.withLock { snapshot in
                condition(snapshot) ? true : { waiters.withLock { $0.append((condition, continuation)) }; return false }()
            }
            if met { continuation.resume() }
        }
    }

    /// What each route serves now, as the route last described it.
    public func setRoutes(_ routes: [String: String]) { update { $0.routes = routes } }

    func skipCapture(_ reason: String) { update { $0.capture_skipped[reason, default: 0] += 1 } }
    func dropShadow(_ reason: String) { update { $0.shadow_dropped[reason, default: 0] += 1 } }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(snapshot)) ?? Data("{}".utf8)
    }
}

/// The local calendar day, for daily caps and budgets.
enum GatewayDay {
    static func today(_ date: Date = Date()) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
