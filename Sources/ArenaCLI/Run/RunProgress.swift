import ArenaCore
import Foundation
import Synchronization

/// Progress of a batch run: a redrawn bar on a terminal (done / failed / tokens / cost so far /
/// ETA), plain lines otherwise (every 10 % and every failure), so logs stay readable.
final class RunProgress: Sendable {
    struct Counts: Equatable {
        var total: Int
        var done = 0
        var failed = 0
        var tokens = 0
        var cost = 0.0
        var skipped = 0
    }

    private let counts: Mutex<Counts>
    private let started = ContinuousClock.now
    private let console: ConsoleWriter
    private let style: Style
    private let interactive: Bool
    private let label: String
    private let lastReported = Mutex(-1)

    init(label: String, total: Int, skipped: Int, console: ConsoleWriter, style: Style, interactive: Bool) {
        counts = Mutex(Counts(total: total, skipped: skipped))
        self.label = label
        self.console = console
        self.style = style
        self.interactive = interactive
    }

    var snapshot: Counts { counts.withLock { $0 } }

    func record(_ job: String, answer: Answer) {
        let now = counts.withLock { counts -> Counts in
            if answer.error != nil { counts.failed += 1 } else { counts.done += 1 }
            counts.tokens += (answer.metrics.outputTokens ?? 0) + (answer.metrics.inputTokens ?? 0)
            counts.cost += answer.metrics.costUSD ?? 0
            return counts
        }
        if let error = answer.error {
            console.err((interactive ? "\r\u{1B}[2K" : "") + style.red("failed") + " \(job): \(error.description)\n")
        }
        draw(now)
    }

    func start() { draw(snapshot) }

    func finish() {
        if interactive { console.err("\n") }
    }

    private func draw(_ counts: Counts) {
        let finished = counts.done + counts.failed
        let line = summary(counts)
        if interactive {
            let width = 24
            let filled = counts.total == 0 ? width : width * finished / counts.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            console.err("\r\u{1B}[2K\(label) \(bar) \(line)")
        } else {
            let tenth = counts.total == 0 ? 10 : finished * 10 / counts.total
            let shouldPrint = lastReported.withLock { last -> Bool in
                guard tenth != last || finished == counts.total else { return false }
                last = tenth
                return true
            }
            if shouldPrint { console.err("\(label): \(line)\n") }
        }
    }

    func summary(_ counts: Counts) -> String {
        let finished = counts.done + counts.failed
        var parts = ["\(finished)/\(counts.total) done", "\(counts.failed) failed",
                     "\(Self.compact(counts.tokens)) \(pluralised(counts.tokens, "token"))", String(format: "$%.4f", counts.cost)]
        if finished > 0, finished < counts.total {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let remaining = seconds / Double(finished) * Double(counts.total - finished)
            parts.append("ETA " + Self.duration(remaining))
        }
        return parts.joined(separator: " · ")
    }

    static func compact(_ value: Int) -> String {
        value >= 10_000 ? String(format: "%.1fk", Double(value) / 1000) : String(value)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
