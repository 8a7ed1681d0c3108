import Dispatch
import Foundation

/// Seeded, parallel bootstrap of every rating method.
///
/// ```swift
/// let boot = try Bootstrap.ratings(counts, method: .bradleyTerry, rounds: 1000, seed: 1)
/// let elo = try Bootstrap.onlineElo(battles, modelCount: n, rounds: 100, seed: 1)
/// ```
///
/// Count-based methods resample the pooled counts: each round draws a multinomial over the cells
/// (pair, verdict) with the observed total, which is exactly "resample battles with replacement"
/// at O(pairs) per round, then refits starting from the full-data fit. Round `r` uses its own
/// generator `SeededRandom(seed:, stream: r)`, and rounds are split across `threads` workers, so
/// the result depends on the seed only — not on thread count or scheduling.
///
/// Traps: a prior of `.none` makes a round throw `mleDoesNotExist` whenever the resample leaves a
/// model unbeaten; keep the default prior for intervals. Models that played in the data stay in
/// every round (a model absent from a resample is rated by its prior alone, in the mean).
public enum Bootstrap {
    /// Workers used when not told otherwise: the machine's active cores.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    public static func ratings(_ counts: ComparisonCounts, method: RatingMethod = .bradleyTerry,
                               options: FitOptions = .init(), rounds: Int = 1000, seed: UInt64,
                               threads: Int = defaultThreads) throws(RankingError) -> BootstrapResult {
        try options.prior.validate()
        try options.anchor.validate(modelCount: counts.modelCount)
        let table = PairTable(counts: counts)
        let active = table.played
        let start: [Double]
        switch method {
        case .bradleyTerry:
            start = (try? BradleyTerry.logits(table: table, active: active, prior: options.prior,
                                              maxIterations: options.maxIterations, start: nil))?.x
                ?? Array(repeating: 0, count: counts.modelCount)
        case .davidson:
            let fit = try? Davidson.logits(table: table, active: active, prior: options.prior,
                                           maxIterations: options.maxIterations, start: nil)
            start = fit.map { $0.logits + [log(max($0.nu, 1e-300))] }
                ?? Array(repeating: 0, count: counts.modelCount + 1)
        }
        var cells: [Double] = []
        cells.reserveCapacity(table.pairCount * 3)
        for k in 0..<table.pairCount { cells += [table.winsFirst[k], table.winsSecond[k], table.ties[k]] }
        let weights = cells
        let modelCount = counts.modelCount
        return try run(rounds: rounds, modelCount: modelCount, seed: seed, threads: threads) { _, rng throws(RankingError) in
            var drawn = [Double](repeating: 0, count: weights.count)
            BinomialSampler.multinomial(weights, into: &drawn, using: &rng)
            var resampled = table
            for k in 0..<table.pairCount {
                resampled.winsFirst[k] = drawn[3 * k]
                resampled.winsSecond[k] = drawn[3 * k + 1]
                resampled.ties[k] = drawn[3 * k + 2]
            }
            let logits: [Double]
            switch method {
            case .bradleyTerry:
                logits = try BradleyTerry.logits(table: resampled, active: active, prior: options.prior,
                                                 maxIterations: options.maxIterations, start: start).x
            case .davidson:
                logits = try Davidson.logits(table: resampled, active: active, prior: options.prior,
                                             maxIterations: options.maxIterations,
                                             start: start.count == modelCount + 1 ? start : nil).logits
            }
            return options.anchor.ratings(fromLogits: logits, played: active)
        }
    }

    /// Online Elo on battles resampled with replacement, kept in their original (time) order.
    /// Costs O(battles) per round.
    public static func onlineElo(_ comparisons: [Comparison], modelCount: Int, settings: OnlineElo.Settings = .init(),
                                 anchor: Anchor = .default, rounds: Int = 1000, seed: UInt64,
                                 threads: Int = defaultThreads) throws(RankingError) -> BootstrapResult {
        try anchor.validate(modelCount: modelCount)
        let played = try OnlineElo.played(comparisons, modelCount: modelCount)
        return try run(rounds: rounds, modelCount: modelCount, seed: seed, threads: threads) { _, rng throws(RankingError) in
            let multiplicity = resampleMultiplicities(count: comparisons.count, using: &rng)
            var ratings = Array(repeating: settings.initialRating, count: modelCount)
            for (index, comparison) in comparisons.enumerated() {
                for _ in 0..<multiplicity[index] { OnlineElo.update(&ratings, with: comparison, settings: settings) }
            }
            return anchor.shifted(ratings, played: played)
        }
    }

    /// How many times each of `count` items is drawn when drawing `count` with replacement.
    static func resampleMultiplicities(count: Int, using rng: inout SeededRandom) -> [Int] {
        var multiplicity = [Int](repeating: 0, count: count)
        guard count > 0 else { return multiplicity }
        for _ in 0..<count { multiplicity[Int(rng.next() % UInt64(count))] += 1 }
        return multiplicity
    }

    /// Runs `replicate` for every round on `threads` workers and collects the vectors in round
    /// order. The first failing round (lowest index) decides the error.
    static func run(rounds: Int, modelCount: Int, seed: UInt64, threads: Int,
                    replicate: @escaping @Sendable (Int, inout SeededRandom) throws(RankingError) -> [Double])
        throws(RankingError) -> BootstrapResult {
        guard rounds > 0 else { throw RankingError(.invalidArgument, "rounds must be positive") }
        guard threads > 0 else { throw RankingError(.invalidArgument, "threads must be positive") }
        let workers = min(threads, rounds)
        let sink = RoundSink(rounds: rounds, width: modelCount)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var rows: [(Int, Result<[Double], RankingError>)] = []
            for round in stride(from: worker, to: rounds, by: workers) {
                var rng = SeededRandom(seed: seed, stream: UInt64(round))
                do throws(RankingError) {
                    rows.append((round, .success(try replicate(round, &rng))))
                } catch {
                    rows.append((round, .failure(error)))
                }
            }
            sink.store(rows)
        }
        return try sink.result(modelCount: modelCount)
    }
}

/// Which count-based model a bootstrap refits.
public enum RatingMethod: String, Sendable, Equatable, CaseIterable {
    case bradleyTerry
    case davidson
}

/// Collects rows from the workers under a lock; each worker stores once, at the end.
private final class RoundSink: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double]
    private var failures: [(Int, RankingError)] = []
    private let width: Int
    private let rounds: Int

    init(rounds: Int, width: Int) {
        self.width = width
        self.rounds = rounds
        values = Array(repeating: .nan, count: rounds * width)
    }

    func store(_ rows: [(Int, Result<[Double], RankingError>)]) {
        lock.lock()
        defer { lock.unlock() }
        for (round, result) in rows {
            switch result {
            case .success(let row): values.replaceSubrange((round * width)..<((round + 1) * width), with: row)
            case .failure(let error): failures.append((round, error))
            }
        }
    }

    func result(modelCount: Int) throws(RankingError) -> BootstrapResult {
        lock.lock()
        defer { lock.unlock() }
        if let first = failures.min(by: { $0.0 < $1.0 }) { throw first.1 }
        return BootstrapResult(modelCount: modelCount, rounds: rounds, replicates: values)
    }
}
