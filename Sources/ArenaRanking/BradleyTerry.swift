import Foundation

/// Bradley–Terry maximum-likelihood ratings, LMArena's leaderboard method.
///
/// ```swift
/// let counts = try ComparisonCounts(modelCount: 3, comparisons: battles)
/// let fit = try BradleyTerry.fit(counts)                         // mean 1000, one virtual tie each
/// let pinned = try BradleyTerry.fit(counts, options: .init(anchor: .model(2, rating: 1114)))
/// ```
///
/// Model: `P(i beats j) = 1 / (1 + 10^((rⱼ − rᵢ)/400))`. A tie or both-bad counts as half a win for
/// each side. Fitted by Newton's method on the pooled counts (`PairTable`), so one fit costs
/// O(models² + models³) per iteration, however many battles there are; 5–10 iterations.
///
/// Traps: with `Prior.none` the fit throws `mleDoesNotExist` unless every split of the models has
/// wins both ways; the default prior never throws for valid input. Half-win ties pull ratings
/// toward the mean when ties are common — use `Davidson` when that matters.
public enum BradleyTerry {
    public static func fit(_ counts: ComparisonCounts, options: FitOptions = .init()) throws(RankingError) -> RatingFit {
        try options.prior.validate()
        try options.anchor.validate(modelCount: counts.modelCount)
        let table = PairTable(counts: counts)
        let played = table.played
        let exists = table.mleExists()
        let solved = try logits(table: table, active: played, prior: options.prior,
                                maxIterations: options.maxIterations, start: nil)
        return RatingFit(ratings: options.anchor.ratings(fromLogits: solved.x, played: played),
                         logits: solved.x, flags: RatingFlags.of(counts), mleExists: exists,
                         iterations: solved.iterations, converged: solved.converged, tieParameter: nil)
    }

    /// Fitted logits for the `active` models (others stay at 0). Used directly by the bootstrap.
    static func logits(table: PairTable, active: [Bool], prior: Prior, maxIterations: Int,
                       start: [Double]?) throws(RankingError) -> NewtonSolver.Outcome {
        let n = table.modelCount
        var position = [Int](repeating: -1, count: n)
        var models: [Int] = []
        for i in 0..<n where active[i] {
            position[i] = models.count
            models.append(i)
        }
        let m = models.count
        if prior == .none, m > 0, !table.mleExists(active: active) {
            throw RankingError(.mleDoesNotExist,
                               "some models never lost or never won against the rest; use a prior")
        }
        var pairI: [Int] = [], pairJ: [Int] = [], winsI: [Double] = [], winsJ: [Double] = [], totals: [Double] = []
        for k in 0..<table.pairCount {
            let i = position[table.first[k]], j = position[table.second[k]]
            let total = table.winsFirst[k] + table.winsSecond[k] + table.ties[k]
            guard i >= 0, j >= 0, total > 0 else { continue }
            pairI.append(i)
            pairJ.append(j)
            winsI.append(table.winsFirst[k] + table.ties[k] / 2)
            winsJ.append(table.winsSecond[k] + table.ties[k] / 2)
            totals.append(total)
        }
        let gauge = prior == .none

        func value(_ x: [Double]) -> Double {
            var f = 0.0
            for k in 0..<pairI.count {
                // wᵢ·log σ(d) + wⱼ·log σ(−d), with log σ(−d) = log σ(d) − d: one log per pair.
                let d = x[pairI[k]] - x[pairJ[k]]
                f += totals[k] * Logistic.logSigmoid(d) - winsJ[k] * d
            }
            var sum = 0.0
            for i in 0..<m {
                f -= prior.logisticTerms(x[i]).penalty
                sum += x[i]
            }
            return gauge ? f - 0.5 * sum * sum : f
        }

        func derivatives(_ x: [Double], _ g: inout [Double], _ h: inout [Double]) -> Double {
            var f = 0.0
            for k in 0..<pairI.count {
                let i = pairI[k], j = pairJ[k]
                let d = x[i] - x[j]
                let total = totals[k]
                let (p, logP) = Logistic.sigmoidAndLog(d)
                f += total * logP - winsJ[k] * d
                let slope = winsI[k] - total * p
                let curvature = total * p * (1 - p)
                g[i] += slope
                g[j] -= slope
                h[i * m + i] += curvature
                h[j * m + j] += curvature
                h[i * m + j] -= curvature
                h[j * m + i] -= curvature
            }
            var sum = 0.0
            for i in 0..<m {
                let terms = prior.logisticTerms(x[i])
                f -= terms.penalty
                g[i] -= terms.slope
                h[i * m + i] += terms.curvature
                sum += x[i]
            }
            if gauge {
                f -= 0.5 * sum * sum
                for i in 0..<m {
                    g[i] -= sum
                    for j in 0..<m { h[i * m + j] += 1 }
                }
            }
            return f
        }

        let initial = start.map { s in models.map { s[$0] } } ?? Array(repeating: 0, count: m)
        let solved = try NewtonSolver.maximize(start: initial, maxIterations: maxIterations,
                                               value: value, derivatives: derivatives)
        var full = [Double](repeating: 0, count: n)
        for (k, model) in models.enumerated() { full[model] = solved.x[k] }
        return NewtonSolver.Outcome(x: full, iterations: solved.iterations, converged: solved.converged)
    }
}
