extension Bootstrap {
    /// Style-controlled ratings on battles resampled with replacement (O(battles) per round; the
    /// feature scaling is computed once on the full data, as LMArena does). Intervals are for the
    /// ratings at zero style difference.
    public static func styleControlled(_ battles: [StyledComparison], modelCount: Int,
                                       options: StyleControlledBT.Options = .init(), rounds: Int = 1000,
                                       seed: UInt64, threads: Int = defaultThreads) throws(RankingError) -> BootstrapResult {
        let full = try StyleControlledBT.fit(battles, modelCount: modelCount, options: options)
        let design = StyleControlledBT.Design(battles)
        let counts = try ComparisonCounts(modelCount: modelCount, comparisons: battles.map(\.comparison))
        let active = PairTable(counts: counts).played
        let start = full.fit.logits + full.coefficients.map(\.logit)
        return try run(rounds: rounds, modelCount: modelCount, seed: seed, threads: threads) { _, rng throws(RankingError) in
            let weights = resampleMultiplicities(count: battles.count, using: &rng)
            if options.prior == .none {
                var resampled = ComparisonCounts(modelCount: modelCount)
                for (t, times) in weights.enumerated() where times > 0 {
                    let c = battles[t].comparison
                    try resampled.add(c.outcome, a: c.a, b: c.b, times: times)
                }
                guard PairTable(counts: resampled).mleExists(active: active) else {
                    throw RankingError(.mleDoesNotExist, "a bootstrap resample left a model unbeaten or winless; use a prior")
                }
            }
            let solved = try StyleControlledBT.solve(design, weights: weights, active: active, modelCount: modelCount,
                                                     options: options, start: start)
            return options.anchor.ratings(fromLogits: Array(solved.x.prefix(modelCount)), played: active)
        }
    }
}
