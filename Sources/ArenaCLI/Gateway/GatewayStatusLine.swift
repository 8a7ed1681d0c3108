import ArenaGateway
import Foundation
import Synchronization

/// The gateway's live line on a terminal (redrawn each second on standard error), and the summary
/// printed when it stops. Off a terminal it draws nothing: `GET /arena/status` has the numbers.
final class GatewayStatusLine: Sendable {
    let status: GatewayStatus
    let interactive: Bool
    /// What each route serves now (`--route`), refreshed with the line.
    let routes: (@Sendable () async -> [String: String])?
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(status: GatewayStatus, interactive: Bool, routes: (@Sendable () async -> [String: String])? = nil) {
        self.status = status
        self.interactive = interactive
        self.routes = routes
    }

    func start() {
        guard interactive else { return }
        let status = status, routes = routes
        task.withLock { running in
            running = Task {
                while !Task.isCancelled {
                    if let routes { let now = await routes(); status.setRoutes(now) }
                    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.render(status.snapshot)).utf8))
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    func stop() {
        task.withLock { $0?.cancel(); $0 = nil }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    func summary() -> String { Self.render(status.snapshot) }

    /// Dollars with the digits that matter for a day of small requests: $0.00003, $0.0421, $12.30.
    static func money(_ value: Double) -> String {
        if value == 0 { return "$0" }
        if value >= 1 { return String(format: "$%.2f", value) }
        let digits = max(2, min(8, Int((-log10(value)).rounded(.down)) + 2))
        return String(format: "$%.\(digits)f", value)
    }

    static func render(_ snapshot: GatewayStatus.Snapshot) -> String {
        var parts = ["\(snapshot.requests) \(snapshot.requests == 1 ? "request" : "requests")"]
        if snapshot.in_flight > 0 { parts.append("\(snapshot.in_flight) in flight") }
        if snapshot.upstream_errors > 0 { parts.append("\(snapshot.upstream_errors) upstream errors") }
        if snapshot.rejected > 0 { parts.append("\(snapshot.rejected) rejected") }
        let skipped = snapshot.capture_skipped.values.reduce(0, +)
        if snapshot.captured > 0 || skipped > 0 { parts.append("\(snapshot.captured) captured" + (skipped > 0 ? " (\(skipped) skipped)" : "")) }
        let dropped = snapshot.shadow_dropped.values.reduce(0, +)
        if snapshot.shadowed + snapshot.shadow_failed + dropped > 0 {
            parts.append("\(snapshot.shadowed) shadowed" + (snapshot.shadow_failed > 0 ? ", \(snapshot.shadow_failed) failed" : "")
                         + (dropped > 0 ? ", \(dropped) dropped" : ""))
        }
        parts.append(money(snapshot.spend_today_usd + snapshot.shadow_spend_today_usd) + " today")
        if snapshot.store_errors > 0 { parts.append("\(snapshot.store_errors) store errors") }
        if !snapshot.routes.isEmpty {
            parts.append("route " + snapshot.routes.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }
}
