import Foundation

extension Bootstrap {
    /// Battle-level bootstrap of Plackett–Luce ratings: each round resamples whole battles
    /// (a multinomial over the distinct battle patterns with the observed total), so a 4-way
    /// ranking is one unit of evidence, and refits from the full-data fit.
    ///
    /// ```swift
    /// let counts = try RankedBattleCounts(modelCount: n, battles: battles)
    /// let boot = try Bootstrap.plackettLuce(counts, ties: .halfWins, rounds: 1000, seed: 1)
    /// boot.interval(for: 2)
    /// ```
    ///
    /// Round `r` draws from `SeededRandom(seed:, stream: r)` and rounds are spread over `threads`
    /// workers, so the result depends on the seed only, as for `Bootstrap.ratings`.
    ///
    /// Traps: for `.davidson` a round whose resample lost every tie of some size refits without
    /// that δ (its MLE is 0), as `Davidson` falls back to Bradley–Terry without ties. With
    /// `Prior.none` rounds can throw `mleDoesNotExist`; keep the default prior for intervals.
    public static func plackettLuce(_ counts: RankedBattleCounts, ties: PlackettLuce.Ties = .halfWins,
                                    options: FitOptions = .init(), rounds: Int = 1000, seed: UInt64,
                                    threads: Int = defaultThreads) throws(RankingError) -> BootstrapResult {
        try options.prior.validate()
        try options.anchor.validate(modelCount: counts.modelCount)
        let active = counts.played
        let sizes = ties == .davidson ? counts.tieSizes : []
        let full = try? PlackettLuce.solve(counts, ties: ties, tieSizes: sizes, active: active, prior: options.prior,
                                           maxIterations: options.maxIterations, start: nil, information: false)
        let start = full?.packed
        let weights = counts.counts
        let compiled = try PlackettLuce.compile(counts, ties: ties, tieSizes: sizes, active: active, prior: options.prior)
        return try run(rounds: rounds, modelCount: counts.modelCount, seed: seed, threads: threads) { _, rng throws(RankingError) in
            var drawn = [Double](repeating: 0, count: weights.count)
            BinomialSampler.multinomial(weights, into: &drawn, using: &rng)
            let resampled = RankedBattleCounts(modelCount: counts.modelCount, patterns: counts.patterns, counts: drawn)
            let roundSizes = ties == .davidson ? resampled.tieSizes : []
            let warm: [Double]? = roundSizes == sizes ? start : start.map { s in
                Array(s.prefix(counts.modelCount)) + roundSizes.map { size in s[counts.modelCount + sizes.firstIndex(of: size)!] }
            }
            let reuse = roundSizes == sizes
                ? compiled
                : try PlackettLuce.compile(resampled, ties: ties, tieSizes: roundSizes, active: active, prior: options.prior)
            let solved = try PlackettLuce.solve(reuse, counts: drawn, prior: options.prior,
                                                maxIterations: options.maxIterations, start: warm, information: false,
                                                mleExists: options.prior == .none ? resampled.mleExists() : true,
                                                hasDecisive: resampled.hasDecisive)
            return options.anchor.ratings(fromLogits: solved.logits, played: active)
        }
    }
}
