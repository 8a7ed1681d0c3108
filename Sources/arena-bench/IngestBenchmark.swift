import ArenaCore
import ArenaProviders
import ArenaUI
import Foundation
import Synchronization

/// `arena-bench ingest`: the whole streaming path under load — HTTP over loopback
/// (async-http-client), SSE decoding, the inbox, the reducer, wrapping, painting and diffing —
/// with eight panes fed by a server in another process. The same streams read by `curl -N` into
/// /dev/null are the floor: the cost of just moving the bytes.
///
/// Prints per run: wall time, tokens rendered per second, CPU seconds per 100k tokens (arena's
/// whole process; the server's CPU is not counted), frames per second, chunk→screen delay p50/p99
/// (decoded and posted → the flush that first shows it), the curl floor, their ratio, and the
/// process's peak RSS.
enum IngestBenchmark {
    static let usage = """
    [--tokens N] [--panes P] [--rate R] [--runs K]
      N tokens per pane (default 50,000), P panes (8), R tokens/s per pane (0: as fast as possible), K runs (3)

    """

    struct Options {
        var tokens = 50_000
        var panes = 8
        var rate = 0.0
        var runs = 3
    }

    struct Measurement {
        var wall: Double
        var cpu: Double
        var frames = 0
        var latencies: [Double] = []
        var text = 0

        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
    }

    static func run(_ arguments: [String]) async -> Int32 {
        var options = Options()
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--tokens": options.tokens = Int(value) ?? options.tokens
            case "--panes": options.panes = Int(value) ?? options.panes
            case "--rate": options.rate = Double(value) ?? options.rate
            case "--runs": options.runs = Int(value) ?? options.runs
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        do {
            let (server, port) = try BenchServer.spawn()
            defer { server.terminate() }
            let baseline = RankingBenchmark.peakResidentMiB()
            let anonymousBaseline = Double(MemorySampler.anonymousKiB()) / 1024
            let sampler = MemorySampler()
            let model = "stream-\(options.tokens)-\(Int(options.rate))"
            let total = Double(options.tokens * options.panes)
            print("arena ingest benchmark: \(options.panes) panes × \(options.tokens) tokens"
                  + (options.rate > 0 ? " at \(Int(options.rate)) tokens/s each" : ", as fast as possible")
                  + " over loopback HTTP (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
            var floors: [Measurement] = []
            var arenas: [Measurement] = []
            let client = ModelClient()
            for run in 1...options.runs {
                let floor = try curlFloor(port: port, model: model, panes: options.panes)
                let arena = await arenaRun(port: port, model: model, options: options, client: client)
                floors.append(floor)
                arenas.append(arena)
                print(String(format: "  run %d: arena %.2f s wall, %.0f tokens/s rendered, %.2f CPU s per 100k tokens, "
                             + "%.1f frames/s, chunk→screen p50 %.1f ms p99 %.1f ms · curl -N floor %.2f s wall, "
                             + "%.2f CPU s per 100k · wall ratio %.2f×, CPU ratio %.1f×",
                             run, arena.wall, total / arena.wall, arena.cpu / total * 100_000,
                             Double(arena.frames) / arena.wall, arena.percentile(0.5), arena.percentile(0.99),
                             floor.wall, floor.cpu / total * 100_000, arena.wall / floor.wall, arena.cpu / max(floor.cpu, 1e-9)))
                if arena.text < options.tokens * options.panes * 4 {
                    print("  warning: only \(arena.text) of \(options.tokens * options.panes * 4) characters arrived")
                }
            }
            try await client.shutdown()
            let best = arenas.min { $0.wall < $1.wall }!
            let floor = floors.min { $0.wall < $1.wall }!
            print(String(format: "  best: arena %.0f tokens/s, curl floor %.0f tokens/s, ratio %.2f×",
                         total / best.wall, total / floor.wall, best.wall / floor.wall))
            let anonymousPeak = sampler.stop()
            print(String(format: "  peak RSS (VmHWM): %.1f MiB (%.1f MiB before the first run)",
                         RankingBenchmark.peakResidentMiB(), baseline))
            print(String(format: "  peak anonymous memory (RssAnon, sampled every 5 ms): %.1f MiB (%.1f MiB before the first run)",
                         anonymousPeak, anonymousBaseline))
            return 0
        } catch {
            FileHandle.standardError.write(Data("arena-bench ingest: \(error)\n".utf8))
            return 1
        }
    }

    /// `panes` concurrent `curl -sN` processes reading the same streams into /dev/null.
    static func curlFloor(port: Int, model: String, panes: Int) throws -> Measurement {
        let body = #"{"model":"\#(model)","stream":true,"messages":[{"role":"user","content":"benchmark prompt"}]}"#
        let before = childrenCPUSeconds()
        let start = ContinuousClock.now
        let processes = try (0..<panes).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-sN", "-X", "POST", "-H", "Content-Type: application/json", "-d", body,
                                 "-o", "/dev/null", "http://127.0.0.1:\(port)/v1/chat/completions"]
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        let wall = ContinuousClock.now - start
        return Measurement(wall: seconds(wall), cpu: childrenCPUSeconds() - before)
    }

    final class Collector: Sendable {
        struct Data {
            var frames = 0
            var latencies: [Double] = []
            var lastShown: ContinuousClock.Instant?
        }
        let data = Mutex(Data())
        let finished = Atomic<Int>(0)
        let characters = Atomic<Int>(0)
    }

    /// One turn of `panes` seats through the real client and the real run loop.
    static func arenaRun(port: Int, model: String, options: Options, client: ModelClient) async -> Measurement {
        let models = (0..<options.panes).map {
            ModelConfig(name: "bench-\($0)", baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, model: model,
                        timeouts: Timeouts(connect: 5, firstToken: 30, idle: 30))
        }
        let config = ArenaConfig(models: models, maxAnswerBytes: 64 << 20)
        let battle = Battle(createdAt: Date(), mode: .screen, blind: true, systemPrompt: nil,
                            seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        let collector = Collector()
        let terminal = InMemoryTerminal(width: 200, height: 50)
        let environment = ArenaScreenEnvironment(
            store: StoreStatus(path: "bench", verdictCount: 0),
            newBattle: { BattleSetup(battle: battle) },
            // As ScreenSession does: the runner only forwards; the screen folds each stream once.
            runTurn: { request, sink in
                await BattleRunner(client: client, config: config).stream(
                    seats: request.seats, conversations: request.conversations,
                    onTiming: { seat, timing in sink.post(seat: seat, timing: timing) },
                    onEvent: { seat, event in
                        if case .text(let piece) = event { collector.characters.add(piece.utf8.count, ordering: .relaxed) }
                        sink.post(seat: seat, event)
                    })
                collector.finished.store(1, ordering: .releasing)
            },
            saveVerdict: { _ in VerdictReceipt(reveals: []) })
        var loopOptions = ScreenRunLoop.Options()
        loopOptions.frameObserver = { report in
            collector.data.withLock { data in
                data.frames += 1
                guard !report.streamEventsPostedAt.isEmpty else { return }
                data.lastShown = report.flushedAt
                for posted in report.streamEventsPostedAt {
                    data.latencies.append(seconds(report.flushedAt - posted) * 1000)
                }
            }
        }
        let screen = Task {
            try await ArenaScreen.run(environment: environment, theme: .plain, options: loopOptions, terminal: { terminal })
        }
        while !terminal.lines.joined().contains("╭ B ") { try? await Task.sleep(for: .milliseconds(5)) }
        let cpuBefore = ScreenBenchmark.cpuSeconds()
        let start = ContinuousClock.now
        terminal.type("benchmark prompt\r")
        while collector.finished.load(ordering: .acquiring) == 0 { try? await Task.sleep(for: .milliseconds(2)) }
        while !terminal.lines.joined().contains("Vote:") { try? await Task.sleep(for: .milliseconds(2)) }
        let cpuAfter = ScreenBenchmark.cpuSeconds()
        terminal.type("s")
        terminal.type("qq")
        _ = try? await screen.value
        let data = collector.data.withLock { $0 }
        return Measurement(wall: seconds((data.lastShown ?? .now) - start), cpu: cpuAfter - cpuBefore,
                           frames: data.frames, latencies: data.latencies.sorted(),
                           text: collector.characters.load(ordering: .relaxed))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
