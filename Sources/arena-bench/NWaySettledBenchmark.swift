import ArenaRanking
import Dispatch
import Foundation

/// `arena-bench nway-settled`: does "settled" keep its 5% error on rankings of 3+ seats when the
/// user looks after every battle? A simulation, not a timed test; the table goes into docs/ranking.md.
///
/// Models of equal strength (so any settled pair is an error), battles of `seats` random seats
/// ranked by a Davidson–Luce judge (plain Plackett–Luce without ties); after every battle the
/// battles so far are fitted exactly as `arena leaderboard` fits them (Plackett–Luce, ties as half
/// wins or Davidson–Luce, the default prior) and every pair is asked the anytime rule of
/// `leaderboard --pairs` (`AnytimeOrder` on the fit's information-based gap errors). Reported: the
/// share of (run, pair) in which the pair was ever called settled before `--horizon` battles — the
/// error the rule promises to keep at 5% per pair — and the share of runs with any settled pair
/// (not promised: a family of pairs, shown for context), each ± 1.96 Monte-Carlo SE.
enum NWaySettledBenchmark {
    static let usage = """
    [--runs R] [--horizon N] [--seed S] [--threads T]
      error of the anytime "settled" rule on 3-8-seat rankings of equal models, looked at after
      every battle (defaults: 400 runs, horizon 2,000 battles)

    """

    struct Scenario: Sendable {
        var label: String
        var models: Int
        var seats: Int
        var tieWeights: [Int: Double] = [:]
        var ties = PlackettLuce.Ties.halfWins
        /// Keep only each battle's first group: a single-winner vote on 3+ seats.
        var winnerOnly = false
    }

    static let scenarios: [Scenario] = [
        Scenario(label: "3 of 4 seats, full ranking, no ties", models: 4, seats: 3),
        Scenario(label: "4 seats, winner only, no ties", models: 4, seats: 4, winnerOnly: true),
        Scenario(label: "4 seats, full ranking, δ₂ = 0.3 ties, half wins", models: 4, seats: 4, tieWeights: [2: 0.3]),
        Scenario(label: "4 seats, full ranking, δ₂ = 0.3 ties, Davidson–Luce", models: 4, seats: 4, tieWeights: [2: 0.3],
                 ties: .davidson),
        Scenario(label: "8 seats, full ranking, no ties", models: 8, seats: 8),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        var runs = 400, horizon = 2000, seed: UInt64 = 1, threads = Bootstrap.defaultThreads
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--runs": runs = Int(value) ?? runs
            case "--horizon": horizon = Int(value) ?? horizon
            case "--seed": seed = UInt64(value) ?? seed
            case "--threads": threads = Int(value) ?? threads
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        guard runs > 1, horizon > 0, threads > 0 else {
            RankingBenchmark.fail("invalid option value\n\(usage)")
            return 2
        }
        let (runCount, battleHorizon, firstSeed) = (runs, horizon, seed)
        let started = Date()
        print("| battles | pairs ever settled (95% promised ≤ 5%) | runs with any pair settled | runs × horizon |")
        print("| --- | --- | --- | --- |")
        for (number, scenario) in scenarios.enumerated() {
            let scenarioStart = Date()
            let results = SettledSink(runs: runs)
            let workers = max(1, min(threads, runs))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for run in stride(from: worker, to: runCount, by: workers) {
                    let scenarioSeed = firstSeed &+ UInt64(number) &* 1_000_003 &+ UInt64(run)
                    results.store(run, settledPairs(scenario, horizon: battleHorizon, seed: scenarioSeed))
                }
            }
            let perRun = results.values
            let pairs = scenario.models * (scenario.models - 1) / 2
            let pairShares = perRun.map { Double($0) / Double(pairs) }
            let anyShares = perRun.map { $0 > 0 ? 1.0 : 0.0 }
            let (pairRate, pairError) = NWayBenchmark.meanAndError(pairShares)
            let (anyRate, anyError) = NWayBenchmark.meanAndError(anyShares)
            print(String(format: "| %@ | %.1f%% (±%.1f) | %.1f%% (±%.1f) | %d × %d |", scenario.label,
                         100 * pairRate, 100 * pairError, 100 * anyRate, 100 * anyError, runs, horizon))
            RankingBenchmark.fail(String(format: "  %@: %.0f s\n", scenario.label, Date().timeIntervalSince(scenarioStart)))
        }
        print(String(format: "\nequal models, a look after every battle, seed %llu, %d threads, %.0f s",
                     seed, threads, Date().timeIntervalSince(started)))
        return 0
    }

    /// One run: battles one at a time up to `horizon`, a fit and every pair's decision after each.
    /// Returns how many pairs were ever called settled.
    static func settledPairs(_ scenario: Scenario, horizon: Int, seed: UInt64) -> Int {
        let simulator = RankedBattleSimulator(ratings: Array(repeating: 1000, count: scenario.models),
                                              tieWeights: scenario.tieWeights)
        let battles = simulator.battles(count: horizon, seats: scenario.seats, seed: seed)
        let rule = AnytimeOrder()
        var counts = try! RankedBattleCounts(modelCount: scenario.models, battles: [])
        var settled = Set<[Int]>()
        for battle in battles {
            counts = try! counts.adding(scenario.winnerOnly ? simulator.winnerOnly(battle) : battle)
            guard let fit = try? PlackettLuce.fit(counts, ties: scenario.ties), let gaps = try? fit.gapCovariance() else {
                continue
            }
            for i in 0..<scenario.models {
                for j in (i + 1)..<scenario.models where !settled.contains([i, j]) {
                    guard let error = gaps.standardError(between: i, and: j) else { continue }
                    if rule.isSettled(gapPoints: fit.ratings[i] - fit.ratings[j], standardError: error) {
                        settled.insert([i, j])
                    }
                }
            }
        }
        return settled.count
    }
}

/// Per-run results from the workers, under a lock.
private final class SettledSink: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Int]

    init(runs: Int) { slots = Array(repeating: 0, count: runs) }

    func store(_ run: Int, _ value: Int) {
        lock.lock()
        slots[run] = value
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
