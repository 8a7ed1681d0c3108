import ArenaRanking
import Dispatch
import Foundation

/// One replicate of `arena-bench nway`: battles of `seats` seats drawn from known Davidson–Luce
/// strengths (plain Plackett–Luce without ties), then rated by every method on the same battles:
/// Plackett–Luce on the full rankings, Plackett–Luce on the winner only, and the old "winner
/// beats each other seat" pairs fitted by Bradley–Terry with a comparison bootstrap.
enum NWayScenarios {
    enum Method: String, CaseIterable, Sendable {
        case fullHalfWins = "PL, full ranking, ties as half wins"
        case fullDavidson = "PL, full ranking, Davidson–Luce"
        case winnerHalfWins = "PL, winner only, ties as half wins"
        case winnerDavidson = "PL, winner only, Davidson–Luce"
        case oldPairs = "old: winner beats each seat, BT + pair bootstrap"

        /// The full-ranking method whose width a winner-only method is compared with.
        var fullCounterpart: Method? {
            switch self {
            case .winnerHalfWins: .fullHalfWins
            case .winnerDavidson: .fullDavidson
            default: nil
            }
        }
    }

    struct Scenario: Sendable {
        var seats: Int
        /// δ per tie size, as `RankedBattleSimulator` takes it; empty: no ties.
        var tieWeights: [Int: Double]
        var battles: Int

        /// Without ties Davidson–Luce is Plackett–Luce, so only half wins are fitted.
        var methods: [Method] {
            tieWeights.isEmpty ? [.fullHalfWins, .winnerHalfWins, .oldPairs] : Method.allCases
        }
    }

    struct Estimate: Sendable {
        var ratings: [Double]
        var intervals: [ClosedRange<Double>]
    }

    struct Replicate: Sendable {
        /// The generating ratings shifted as the fits anchor theirs (played models average 1000).
        var truth: [Double]
        var estimates: [Method: Estimate]
        /// Battles with at least one tie group, and with a tie for first place.
        var tiedBattles: Int
        var tiedFirst: Int
    }

    static func replicate(_ scenario: Scenario, ratings: [Double], rounds: Int,
                          seed: UInt64) throws(RankingError) -> Replicate {
        let n = ratings.count
        let simulator = RankedBattleSimulator(ratings: ratings, tieWeights: scenario.tieWeights)
        let battles = simulator.battles(count: scenario.battles, seats: scenario.seats, seed: seed)
        let full = try RankedBattleCounts(modelCount: n, battles: battles)
        let winners = try RankedBattleCounts(modelCount: n, battles: battles.map(simulator.winnerOnly))
        let played = full.played
        let playedCount = Double(played.filter { $0 }.count)
        let offset = 1000 - zip(ratings, played).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } / playedCount
        var estimates: [Method: Estimate] = [:]
        for method in scenario.methods {
            let bootSeed = seed &+ 0x5EED
            switch method {
            case .fullHalfWins, .fullDavidson, .winnerHalfWins, .winnerDavidson:
                let counts = method == .fullHalfWins || method == .fullDavidson ? full : winners
                let ties: PlackettLuce.Ties = method == .fullHalfWins || method == .winnerHalfWins ? .halfWins : .davidson
                let fit = try PlackettLuce.fit(counts, ties: ties)
                let boot = try Bootstrap.plackettLuce(counts, ties: ties, rounds: rounds, seed: bootSeed, threads: 1)
                estimates[method] = Estimate(ratings: fit.ratings, intervals: boot.intervals())
            case .oldPairs:
                let counts = try ComparisonCounts(modelCount: n, comparisons: oldPairs(battles, seed: seed &+ 0xB0B))
                let fit = try BradleyTerry.fit(counts)
                let boot = try Bootstrap.ratings(counts, method: .bradleyTerry, rounds: rounds, seed: bootSeed, threads: 1)
                estimates[method] = Estimate(ratings: fit.ratings, intervals: boot.intervals())
            }
        }
        return Replicate(truth: ratings.map { $0 + offset }, estimates: estimates,
                         tiedBattles: battles.filter { $0.groups.contains { $0.count > 1 } }.count,
                         tiedFirst: battles.filter { $0.groups[0].count > 1 }.count)
    }

    /// What the old single-winner vote recorded for each battle, as pairs: the winner beats every
    /// other seat. A tie for first among some seats was not expressible; the rater is taken to
    /// pick one of the tied at random (a tie of every seat becomes `.tie`).
    static func oldPairs(_ battles: [RankedBattle], seed: UInt64) throws(RankingError) -> [Comparison] {
        var rng = SeededRandom(seed: seed)
        var pairs: [Comparison] = []
        for battle in battles {
            var seats = battle.models
            seats.shuffle(using: &rng)   // seat order is irrelevant to Bradley–Terry; keep it random
            let top = battle.groups[0]
            let verdict: MultiSeatVerdict
            if top.count == seats.count {
                verdict = .tie
            } else {
                let winner = top[Int(rng.next() % UInt64(top.count))]
                verdict = .winner(seat: seats.firstIndex(of: winner)!)
            }
            pairs += try MultiSeatBattle.comparisons(models: seats, verdict: verdict)
        }
        return pairs
    }

    /// All replicates of one scenario, spread over `threads` workers (each bootstrap runs on one
    /// thread). Replicate `r` uses seed `seed + r`, so the result does not depend on `threads`.
    static func run(_ scenario: Scenario, ratings: [Double], runs: Int, rounds: Int, seed: UInt64, threads: Int,
                    progress: @escaping @Sendable (Int) -> Void) throws(RankingError) -> [Replicate] {
        let sink = ReplicateSink(runs: runs)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, runs))) { worker in
            for run in stride(from: worker, to: runs, by: max(1, min(threads, runs))) {
                do throws(RankingError) {
                    let result = try replicate(scenario, ratings: ratings, rounds: rounds, seed: seed &+ UInt64(run))
                    progress(sink.store(run, .success(result)))
                } catch {
                    _ = sink.store(run, .failure(error))
                }
            }
        }
        return try sink.results()
    }
}

/// Collects replicates from the workers under a lock.
private final class ReplicateSink: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<NWayScenarios.Replicate, RankingError>?]
    private var done = 0

    init(runs: Int) { slots = Array(repeating: nil, count: runs) }

    /// Stores one result and returns how many are done.
    func store(_ run: Int, _ result: Result<NWayScenarios.Replicate, RankingError>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[run] = result
        done += 1
        return done
    }

    func results() throws(RankingError) -> [NWayScenarios.Replicate] {
        lock.lock()
        defer { lock.unlock() }
        var replicates: [NWayScenarios.Replicate] = []
        for slot in slots {
            switch slot {
            case .success(let replicate): replicates.append(replicate)
            case .failure(let error): throw error
            case nil: throw RankingError(.invalidArgument, "a replicate did not run")
            }
        }
        return replicates
    }
}
