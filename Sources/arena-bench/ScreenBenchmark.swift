import ArenaCore
import ArenaUI
import Foundation
import Synchronization

/// `arena-bench screen`: the arena screen under load. Eight panes stream into the real run loop
/// (inbox, reducer, wrapping, painting, diffing) over the in-memory terminal, whose input timeout is
/// the same 16 ms frame clock as ncurses'. Not a timed test: it prints numbers.
///
/// ```swift
/// let results = await ScreenBenchmark.run()
/// print(ScreenBenchmark.report(results))
/// ```
///
/// Measures per scenario: tokens rendered per second, CPU seconds per 100k tokens (whole process:
/// producers + UI), frames per second, and chunk-arrival-to-screen delay (post into the inbox → the
/// flush that first shows it) p50/p99. The in-memory terminal stands in for ncurses, so terminal
/// output costs (tens of µs per frame in doupdate) are not included.
enum ScreenBenchmark {
    struct Scenario: Sendable {
        var name: String
        var panes: Int
        /// Tokens each pane streams.
        var tokensPerPane: Int
        /// nil: as fast as possible.
        var tokensPerSecondPerPane: Double?
    }

    struct Result: Sendable {
        var scenario: Scenario
        var tokens: Int
        var wallSeconds: Double
        var cpuSeconds: Double
        var frames: Int
        /// CPU time of the UI thread alone (reduce, wrap, paint, diff) between first and last frame.
        var uiThreadCPUSeconds: Double
        var latencies: [Double]   // milliseconds, sorted

        var tokensPerSecond: Double { Double(tokens) / wallSeconds }
        var cpuPer100k: Double { cpuSeconds / Double(tokens) * 100_000 }
        var uiCPUPer100k: Double { uiThreadCPUSeconds / Double(tokens) * 100_000 }
        var framesPerSecond: Double { Double(frames) / wallSeconds }
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
    }

    static let defaultScenarios = [
        Scenario(name: "8 panes, as fast as possible", panes: 8, tokensPerPane: 25_000, tokensPerSecondPerPane: nil),
        Scenario(name: "8 panes, 2,000 tokens/s each", panes: 8, tokensPerPane: 10_000, tokensPerSecondPerPane: 2_000),
    ]

    static func run(scenarios: [Scenario] = defaultScenarios, width: Int = 200, height: Int = 50) async -> [Result] {
        var results: [Result] = []
        for scenario in scenarios {
            results.append(await run(scenario, width: width, height: height))
        }
        return results
    }

    static func report(_ results: [Result]) -> String {
        var lines = ["arena screen benchmark (in-memory terminal, \(ProcessInfo.processInfo.activeProcessorCount) cores)"]
        for result in results {
            lines.append("""
              \(result.scenario.name): \(result.tokens) tokens in \(format(result.wallSeconds)) s
                tokens rendered/s \(format(result.tokensPerSecond, 0)) · CPU s per 100k tokens \(format(result.cpuPer100k)) \
            (UI thread \(format(result.uiCPUPer100k))) · frames/s \(format(result.framesPerSecond, 1)) · chunk→screen p50 \(format(result.percentile(0.5), 1)) ms \
            p99 \(format(result.percentile(0.99), 1)) ms
            """)
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    final class Collector: Sendable {
        struct Data {
            var frames = 0
            var latencies: [Double] = []
            var firstPost: ContinuousClock.Instant?
            var lastShown: ContinuousClock.Instant?
            var uiCPUAtFirst: Double?
            var uiCPUAtLast = 0.0
        }
        let data = Mutex(Data())
        let finished = Atomic<Int>(0)
    }

    static func run(_ scenario: Scenario, width: Int, height: Int) async -> Result {
        let collector = Collector()
        let terminal = InMemoryTerminal(width: width, height: height)
        let text = sampleTokens(count: scenario.tokensPerPane)
        let environment = ArenaScreenEnvironment(
            store: StoreStatus(path: "bench", verdictCount: 0),
            newBattle: { .named((1...scenario.panes).map { "bench-\($0)" }, id: "bench") },
            runTurn: { _, sink in
                await withTaskGroup(of: Void.self) { group in
                    for seat in 0..<scenario.panes {
                        group.addTask { await stream(text, seat: seat, rate: scenario.tokensPerSecondPerPane, sink: sink) }
                    }
                }
                collector.finished.store(1, ordering: .releasing)
            },
            saveVerdict: { _ in VerdictReceipt(reveals: []) })
        var options = ScreenRunLoop.Options()
        options.frameObserver = { report in
            let threadCPU = threadCPUSeconds()
            collector.data.withLock { data in
                data.frames += 1
                guard !report.streamEventsPostedAt.isEmpty else { return }
                if data.firstPost == nil {
                    data.firstPost = report.streamEventsPostedAt.first
                    data.uiCPUAtFirst = threadCPU
                }
                data.uiCPUAtLast = threadCPU
                data.lastShown = report.flushedAt
                for posted in report.streamEventsPostedAt {
                    let delay = report.flushedAt - posted
                    data.latencies.append(Double(delay.components.seconds) * 1000
                        + Double(delay.components.attoseconds) / 1e15)
                }
            }
        }
        let cpuBefore = cpuSeconds()
        let screen = Task {
            try await ArenaScreen.run(environment: environment, theme: .plain, options: options, terminal: { terminal })
        }
        while !terminal.lines.joined().contains("╭ B ") { try? await Task.sleep(for: .milliseconds(5)) }
        terminal.type("benchmark prompt\r")
        while collector.finished.load(ordering: .acquiring) == 0 { try? await Task.sleep(for: .milliseconds(5)) }
        while !terminal.lines.joined().contains("Vote:") { try? await Task.sleep(for: .milliseconds(5)) }
        let cpuAfter = cpuSeconds()
        terminal.type("q")
        _ = try? await screen.value
        let data = collector.data.withLock { $0 }
        let wall = (data.lastShown ?? .now) - (data.firstPost ?? .now)
        return Result(scenario: scenario, tokens: scenario.panes * scenario.tokensPerPane,
                      wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
                      cpuSeconds: cpuAfter - cpuBefore, frames: data.frames,
                      uiThreadCPUSeconds: data.uiCPUAtLast - (data.uiCPUAtFirst ?? data.uiCPUAtLast),
                      latencies: data.latencies.sorted())
    }

    /// Posts `tokens` for one seat, as fast as possible or paced to `rate` tokens per second.
    static func stream(_ tokens: [String], seat: Int, rate: Double?, sink: TurnEventSink) async {
        let clock = ContinuousClock()
        let start = clock.now
        for (index, token) in tokens.enumerated() {
            if let rate {
                let due = start + .seconds(Double(index) / rate)
                if due > clock.now { try? await clock.sleep(until: due) }
            } else if index % 256 == 0 {
                await Task.yield()
            }
            sink.post(seat: seat, .text(token))
        }
        sink.post(seat: seat, .finished(.stop))
    }

    /// Markdown-ish text cut into 4-character tokens: paragraphs, lists, code, bold, CJK.
    static func sampleTokens(count: Int) -> [String] {
        let paragraph = "Streaming answers wrap by **display width**, with `inline code`, 漢字 and lists:\n"
            + "- first item that is long enough to wrap in a narrow pane\n- second item\n"
            + "```\nlet x = compute(42)\n```\nThen a longer paragraph follows with plain words and numbers 12345.\n\n"
        let characters = Array(paragraph)
        var tokens: [String] = []
        tokens.reserveCapacity(count)
        var index = 0
        while tokens.count < count {
            var token = ""
            for _ in 0..<4 {
                token.append(characters[index % characters.count])
                index += 1
            }
            tokens.append(token)
        }
        return tokens
    }

    /// CPU time of the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
