import ArenaCore

/// The one line `arena import` keeps up to date on a terminal's stderr while a large file goes
/// in (a million rows take a couple of minutes): how far through the file, how many rows, how
/// fast. Redrawn in place at most four times a second, and cleared before the summary.
///
/// ```swift
/// var progress = ImportProgress(totalBytes: data.count, console: console, enabled: TerminalInfo.stderrIsTerminal)
/// progress.update(bytesRead: offset, rows: rows)   // "arena: importing… 41% · 240,000 rows · 12,400 rows/s"
/// progress.finish()
/// ```
struct ImportProgress {
    let totalBytes: Int
    let console: ConsoleWriter
    let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(totalBytes: Int, console: ConsoleWriter, enabled: Bool) {
        self.totalBytes = totalBytes
        self.console = console
        self.enabled = enabled
    }

    mutating func update(bytesRead: Int, rows: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(250) { return }
        lastDrawn = now
        drawn = true
        console.err("\r" + Self.line(bytesRead: bytesRead, totalBytes: totalBytes, rows: rows, elapsed: now - started) + "\u{1B}[K")
    }

    /// Clears the line, so the summary starts on a clean one.
    func finish() {
        if drawn { console.err("\r\u{1B}[K") }
    }

    /// `arena: importing… 41% · 240,000 rows · 12,400 rows/s` (the rate once a second has passed).
    static func line(bytesRead: Int, totalBytes: Int, rows: Int, elapsed: Duration) -> String {
        let fraction = totalBytes > 0 ? min(max(Double(bytesRead) / Double(totalBytes), 0), 1) : 0
        var parts = ["\(Int(fraction * 100))%", "\(grouped(rows)) " + pluralised(rows, "row")]
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if seconds >= 1 { parts.append("\(grouped(Int((Double(rows) / seconds).rounded()))) rows/s") }
        return "arena: importing… " + parts.joined(separator: " · ")
    }
}
