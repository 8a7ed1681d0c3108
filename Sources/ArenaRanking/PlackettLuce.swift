import Foundation

/// Plackett–Luce ratings from rankings of 2–16 answers at once, with ties: one battle of k seats
/// is one piece of evidence about the whole order, not k − 1 loosely related pairs.
///
/// ```swift
/// let counts = try RankedBattleCounts(modelCount: 6, battles: battles)
/// let fit = try PlackettLuce.fit(counts)                            // ties as half wins
/// let dl = try PlackettLuce.fit(counts, ties: .davidson)            // Davidson–Luce ties
/// fit.ratings.ratings                                               // 400·log10 scale, mean 1000
/// let boot = try Bootstrap.plackettLuce(counts, rounds: 1000, seed: 1)
/// let gaps = try fit.gapCovariance()                                // model-based gap errors
/// ```
///
/// Model: the best group is chosen from all seats with `P(i first) = αᵢ / Σα` (`α = e^θ`), then
/// the next from those left, and so on; `unranked` models are never chosen, only compete.
/// Ties: `.halfWins` (default) scores a tie group by the average log-likelihood of its orderings
/// — on two seats exactly Bradley–Terry's half wins; `.davidson` is Davidson–Luce (Firth,
/// Kosmidis & Turner 2019), on two seats exactly `Davidson`. Same prior, anchor and Newton solver
/// as `BradleyTerry`, so on two-seat data all three give the same ratings as the pairwise fits.
///
/// Traps: rankings of many seats carry more information than pairs, so PL intervals are narrower
/// than the old "winner beats each seat" intervals — and honest, because `Bootstrap.plackettLuce`
/// resamples whole battles. Each group is enumerated by subsets: at most 16 tied seats (and, for
/// `.davidson`, 16 seats per battle).
public enum PlackettLuce {
    /// How a group of tied models enters the likelihood.
    public enum Ties: String, Sendable, Equatable, CaseIterable {
        /// Average over the orderings of each tie group (a tie of two is half a win each way).
        case halfWins
        /// Davidson–Luce: a tie group of size s has weight `δ_s·(Π α)^{1/s}`; δ fitted per size.
        case davidson
    }

    public static func fit(_ counts: RankedBattleCounts, ties: Ties = .halfWins,
                           options: FitOptions = .init()) throws(RankingError) -> PlackettLuceFit {
        try options.prior.validate()
        try options.anchor.validate(modelCount: counts.modelCount)
        let played = counts.played
        let sizes = ties == .davidson ? counts.tieSizes : []
        let solved = try solve(counts, ties: ties, tieSizes: sizes, active: played, prior: options.prior,
                               maxIterations: options.maxIterations, start: nil)
        let rating = RatingFit(ratings: options.anchor.ratings(fromLogits: solved.logits, played: played),
                               logits: solved.logits, flags: counts.flags,
                               mleExists: counts.mleExists() && (ties == .halfWins || sizes.isEmpty || counts.hasDecisive),
                               iterations: solved.iterations, converged: solved.converged,
                               tieParameter: ties == .davidson ? (sizes.contains(2) ? solved.tieParameters[2]! : 0) : nil)
        return PlackettLuceFit(fit: rating, ties: ties, tieParameters: solved.tieParameters,
                               information: solved.information, graph: ComparisonGraph(counts))
    }

    struct Solution {
        var logits: [Double]
        /// δ per fitted tie size (Davidson–Luce).
        var tieParameters: [Int: Double]
        /// Start vector for warm restarts: n logits then log δ per size.
        var packed: [Double]
        var iterations: Int
        var converged: Bool
        /// Observed information of the logits without the prior, n × n (δ profiled out).
        var information: [Double]
    }

    /// Fits the `active` models for fixed tie sizes; `start` is a previous `packed` vector.
    static func solve(_ counts: RankedBattleCounts, ties: Ties, tieSizes: [Int], active: [Bool], prior: Prior,
                      maxIterations: Int, start: [Double]?, information wantInformation: Bool = true)
        throws(RankingError) -> Solution {
        let compiled = try compile(counts, ties: ties, tieSizes: tieSizes, active: active, prior: prior)
        return try solve(compiled, counts: counts.counts, prior: prior, maxIterations: maxIterations,
                         start: start, information: wantInformation, mleExists: counts.mleExists(),
                         hasDecisive: counts.hasDecisive)
    }

    /// The likelihood for these patterns, model set and tie sizes, reusable for other counts.
    struct Compiled {
        var likelihood: RankedLikelihood
        var models: [Int]
        var modelCount: Int
        var tieSizes: [Int]
    }

    static func compile(_ counts: RankedBattleCounts, ties: Ties, tieSizes: [Int], active: [Bool],
                        prior: Prior) throws(RankingError) -> Compiled {
        let n = counts.modelCount
        var position = [Int](repeating: -1, count: n)
        var models: [Int] = []
        for i in 0..<n where active[i] {
            position[i] = models.count
            models.append(i)
        }
        let likelihood = try RankedLikelihood(patterns: counts.patterns, position: position, activeCount: models.count,
                                              ties: ties, tieSizes: tieSizes, prior: prior)
        return Compiled(likelihood: likelihood, models: models, modelCount: n, tieSizes: tieSizes)
    }

    static func solve(_ compiled: Compiled, counts patternCounts: [Double], prior: Prior, maxIterations: Int,
                      start: [Double]?, information wantInformation: Bool, mleExists: Bool, hasDecisive: Bool)
        throws(RankingError) -> Solution {
        let n = compiled.modelCount, models = compiled.models, m = models.count
        let tieSizes = compiled.tieSizes, likelihood = compiled.likelihood
        if prior == .none, !mleExists {
            throw RankingError(.mleDoesNotExist, "some models were never placed below (or above) the rest; use a prior")
        }
        if prior == .none, !tieSizes.isEmpty, !hasDecisive {
            throw RankingError(.mleDoesNotExist, "every verdict is a tie: δ is infinite; use a prior")
        }
        let (linear, weights) = likelihood.weights(counts: patternCounts)
        let size = likelihood.dimension
        var initial = Array(repeating: 0.0, count: size)
        if let start, start.count == n + tieSizes.count {
            for (k, model) in models.enumerated() { initial[k] = start[model] }
            for s in 0..<tieSizes.count { initial[m + s] = start[n + s] }
        }
        let solved = try NewtonSolver.maximize(
            start: initial, maxIterations: maxIterations,
            value: { likelihood.evaluate($0, linear: linear, weights: weights, gradient: nil, negHessian: nil) },
            derivatives: { x, g, h in
                g.withUnsafeMutableBufferPointer { gp in
                    h.withUnsafeMutableBufferPointer { hp in
                        likelihood.evaluate(x, linear: linear, weights: weights, gradient: gp, negHessian: hp)
                    }
                }
            })
        var full = [Double](repeating: 0, count: n)
        for (k, model) in models.enumerated() { full[model] = solved.x[k] }
        var deltas: [Int: Double] = [:]
        for (s, tieSize) in tieSizes.enumerated() { deltas[tieSize] = exp(solved.x[m + s]) }
        let packed = full + tieSizes.indices.map { solved.x[m + $0] }
        var information = [Double]()
        if wantInformation {
            information = Array(repeating: 0, count: n * n)
            let block = Self.profiledInformation(likelihood, at: solved.x, linear: linear, weights: weights)
            for a in 0..<m { for b in 0..<m { information[models[a] * n + models[b]] = block[a * m + b] } }
        }
        return Solution(logits: full, tieParameters: deltas, packed: packed, iterations: solved.iterations,
                        converged: solved.converged, information: information)
    }

    /// −∇²ℓ without the prior at `x`, with the tie parameters profiled out (Schur complement).
    static func profiledInformation(_ likelihood: RankedLikelihood, at x: [Double], linear: [Double],
                                    weights: [Double]) -> [Double] {
        let d = likelihood.dimension, m = likelihood.modelDimension
        var g = Array(repeating: 0.0, count: d)
        var h = Array(repeating: 0.0, count: d * d)
        g.withUnsafeMutableBufferPointer { gp in
            h.withUnsafeMutableBufferPointer { hp in
                _ = likelihood.evaluate(x, linear: linear, weights: weights, withPrior: false, gradient: gp, negHessian: hp)
            }
        }
        var block = (0..<(m * m)).map { h[($0 / m) * d + $0 % m] }
        let t = d - m
        guard t > 0 else { return block }
        // I_θθ − I_θτ I_ττ⁻¹ I_τθ, with I_ττ inverted by Gauss–Jordan (t is tiny).
        var tt = (0..<(t * t)).map { h[(m + $0 / t) * d + m + $0 % t] }
        var inverse = (0..<(t * t)).map { $0 / t == $0 % t ? 1.0 : 0.0 }
        for c in 0..<t {
            let pivot = tt[c * t + c]
            guard abs(pivot) > 1e-300 else { return block }
            for k in 0..<t { tt[c * t + k] /= pivot; inverse[c * t + k] /= pivot }
            for r in 0..<t where r != c {
                let factor = tt[r * t + c]
                for k in 0..<t { tt[r * t + k] -= factor * tt[c * t + k]; inverse[r * t + k] -= factor * inverse[c * t + k] }
            }
        }
        for a in 0..<m {
            for b in 0..<m {
                var correction = 0.0
                for p in 0..<t {
                    for q in 0..<t { correction += h[a * d + m + p] * inverse[p * t + q] * h[(m + q) * d + b] }
                }
                block[a * m + b] -= correction
            }
        }
        return block
    }
}

/// A Plackett–Luce fit: the ratings, the tie parameters and the information behind gap errors.
///
/// ```swift
/// let fit = try PlackettLuce.fit(counts, ties: .davidson)
/// fit.fit.ratings            // anchored ratings (a `RatingFit`, as from BradleyTerry)
/// fit.tieParameters[3]       // δ₃: weight of a three-way tie
/// fit.information            // n × n observed information of the logits, prior left out
/// ```
///
/// Traps: `information` is singular along the common shift of all logits (ratings only fix
/// differences); use `gapCovariance()` rather than inverting it. `fit.tieParameter` is δ₂ (ν of
/// Davidson's pairwise model) for `.davidson`, `nil` for `.halfWins`.
public struct PlackettLuceFit: Sendable, Equatable {
    public let fit: RatingFit
    public let ties: PlackettLuce.Ties
    /// δ per tie size that occurs in the data (Davidson–Luce); empty for half wins.
    public let tieParameters: [Int: Double]
    /// Row-major n × n observed Fisher information of the logits at the fit, without the prior;
    /// for Davidson–Luce with the δs profiled out.
    public let information: [Double]
    /// Models in one battle are connected.
    public let graph: ComparisonGraph

    public var ratings: [Double] { fit.ratings }

    /// Gap standard errors from `information` (logits), per component of `graph`.
    public func gapCovariance() throws(RankingError) -> InformationGapCovariance {
        try InformationGapCovariance(information: information, graph: graph)
    }
}
