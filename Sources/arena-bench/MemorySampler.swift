import Foundation
import Synchronization

/// The peak of this process's anonymous memory (`RssAnon`: heap, stacks, private pages — what
/// arena itself holds), sampled every few milliseconds on a thread of its own. `VmHWM` (the
/// kernel's peak RSS) also counts the code pages of the binary and the Swift libraries (about
/// 30 MiB here, shared with every other Swift process), which no change to arena's data can move.
///
/// ```swift
/// let sampler = MemorySampler()
/// … work …
/// sampler.stop()          // the peak in MiB
/// ```
final class MemorySampler: Sendable {
    private let state = Mutex((running: true, peakKiB: 0))
    private let done = DispatchSemaphore(value: 0)

    init(every interval: TimeInterval = 0.005) {
        let thread = Thread { [self] in
            while state.withLock({ $0.running }) {
                let now = Self.anonymousKiB()
                state.withLock { $0.peakKiB = max($0.peakKiB, now) }
                Thread.sleep(forTimeInterval: interval)
            }
            done.signal()
        }
        thread.name = "memory-sampler"
        thread.start()
    }

    /// Stops sampling; returns the peak in MiB.
    func stop() -> Double {
        state.withLock { $0.running = false }
        done.wait()
        return Double(max(state.withLock { $0.peakKiB }, Self.anonymousKiB())) / 1024
    }

    static func anonymousKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib
    }
}
