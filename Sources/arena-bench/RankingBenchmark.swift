import ArenaRanking
import Foundation

/// `arena-bench ranking`: times the ranking maths at the sizes the leaderboard must handle.
///
/// Scenarios: 100k battles among 20 models with 100 bootstrap rounds ("small"), then 1M battles
/// among 100 models with 1,000 rounds ("large"). Each prints wall time per phase — aggregation
/// into counts, Bradley–Terry fit, bootstrap — plus Davidson and online-Elo for comparison, a
/// sanity check against the true ratings, and peak RSS (VmHWM, whole process so far).
enum RankingBenchmark {
    static let usage = """
    [--scenario small|large|all] [--seed S] [--threads N]
      small: 100,000 battles, 20 models, 100 bootstrap rounds
      large: 1,000,000 battles, 100 models, 1,000 bootstrap rounds

    """

    struct Scenario {
        let name: String
        let models: Int
        let battles: Int
        let rounds: Int
    }

    static let scenarios = [
        Scenario(name: "small", models: 20, battles: 100_000, rounds: 100),
        Scenario(name: "large", models: 100, battles: 1_000_000, rounds: 1_000),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        var selected = "all", seed: UInt64 = 1, threads = Bootstrap.defaultThreads
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--scenario": selected = value
            case "--seed": seed = UInt64(value) ?? seed
            case "--threads": threads = Int(value) ?? threads
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        let chosen = scenarios.filter { selected == "all" || $0.name == selected }
        guard !chosen.isEmpty else {
            fail("unknown scenario \(selected)\n\(usage)")
            return 2
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("arena-bench ranking — seed \(seed), \(threads) bootstrap threads, \(cores) cores")
        do {
            for scenario in chosen { try run(scenario, seed: seed, threads: threads) }
        } catch {
            fail("failed: \(error)\n")
            return 1
        }
        return 0
    }

    static func run(_ scenario: Scenario, seed: UInt64, threads: Int) throws {
        print("\n== \(scenario.name): \(scenario.battles) battles, \(scenario.models) models, \(scenario.rounds) rounds")
        // True ratings spread evenly over 800…1200; ties as Davidson ν = 0.3, 30% of them both-bad.
        let truth = (0..<scenario.models).map { 1200 - 400 * Double($0) / Double(scenario.models - 1) }
        let simulator = BattleSimulator(ratings: truth, tieParameter: 0.3, bothBadShare: 0.3)
        let (battles, generate) = timed { simulator.comparisons(count: scenario.battles, seed: seed) }
        report("generate (test data)", generate)
        let (counts, aggregate) = try timed { try ComparisonCounts(modelCount: scenario.models, comparisons: battles) }
        report("aggregate", aggregate)
        let (fit, fitTime) = try timed { try BradleyTerry.fit(counts) }
        report("fit bradley-terry", fitTime, "\(fit.iterations) Newton iterations")
        let (boot, bootTime) = try timed {
            try Bootstrap.ratings(counts, rounds: scenario.rounds, seed: seed, threads: threads)
        }
        let perRound = bootTime / Double(scenario.rounds) * 1000
        report("bootstrap", bootTime, String(format: "%.2f ms/round", perRound))
        let (davidson, davidsonTime) = try timed { try Davidson.fit(counts) }
        report("fit davidson", davidsonTime, String(format: "ν = %.3f", davidson.tieParameter ?? 0))
        let (_, eloTime) = try timed { try OnlineElo.ratings(battles, modelCount: scenario.models) }
        report("online elo (one pass)", eloTime)
        let eloRounds = min(scenario.rounds, 20)
        let (_, eloBootTime) = try timed {
            try Bootstrap.onlineElo(battles, modelCount: scenario.models, rounds: eloRounds, seed: seed, threads: threads)
        }
        report("bootstrap elo", eloBootTime, String(format: "%d rounds, %.2f ms/round", eloRounds,
                                                    eloBootTime / Double(eloRounds) * 1000))
        let (rows, rowsTime) = timed {
            let pairs = PairAnalysis(counts: counts, ratings: fit.ratings, bootstrap: boot)
            let rows = Leaderboard.rows(ratings: fit.ratings, intervals: boot.intervals(), counts: counts, flags: fit.flags)
            return (rows, pairs)
        }
        report("leaderboard + pairs", rowsTime)
        // Sanity: half-win ties compress the BT scale, so check order for BT and values for Davidson.
        let order = rows.0.map(\.model)
        let inversions = zip(order, order.dropFirst()).filter { $0 > $1 }.count
        let settled = rows.1.neighbours.filter(\.isSettled).count
        let davidsonError = zip(davidson.ratings, truth).map { abs($0 - $1) }.max() ?? 0
        print("  sanity: \(inversions) neighbour inversions vs truth, \(settled)/\(rows.1.neighbours.count) neighbours settled,"
              + String(format: " Davidson max |rating − truth| = %.1f", davidsonError))
        let unpenalised = try BradleyTerry.fit(counts, options: .init(prior: .none)).ratings
        let fastChat = try BradleyTerry.fit(counts, options: .init(prior: .fastChat())).ratings
        let shift = { (other: [Double]) in zip(fit.ratings, other).map { abs($0 - $1) }.max() ?? 0 }
        let fastChatShift = zip(fastChat, unpenalised).map { abs($0 - $1) }.max() ?? 0
        print(String(format: "  prior effect: max |default − unpenalised| = %.4f,", shift(unpenalised))
              + String(format: " max |fastChat(C=1) − unpenalised| = %.4f points", fastChatShift))
        print(String(format: "  peak RSS (VmHWM) so far: %.1f MiB", peakResidentMiB()))
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Wall and process-CPU seconds of `body` (CPU above wall means several cores were busy).
    struct Timing {
        let wall: Double
        let cpu: Double
        static func / (lhs: Timing, rhs: Double) -> Double { lhs.wall / rhs }
    }

    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Timing) {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
        let value = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (value, Timing(wall: wall, cpu: cpuSeconds() - cpuStart))
    }

    static func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func report(_ phase: String, _ timing: Timing, _ note: String = "") {
        let padded = phase.padding(toLength: 24, withPad: " ", startingAt: 0)
        print(String(format: "  %@ %9.1f ms wall %9.1f ms cpu  %@", padded, timing.wall * 1000, timing.cpu * 1000, note))
    }

    /// Peak resident set size from /proc/self/status (Linux); 0 where unavailable.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }
}
