import Foundation

/// Style control: Bradley–Terry with per-battle style covariates (LMArena's contextual BT), so a
/// model is not ranked up merely for longer or more heavily formatted answers.
///
/// ```swift
/// let result = try StyleControlledBT.fit(styledBattles, modelCount: n)
/// result.fit.ratings              // ratings at zero style difference
/// result.coefficients             // how much each style difference is worth, in rating points
/// ```
///
/// Per battle and feature k: `dₖ = (Aₖ − Bₖ) / (Aₖ + Bₖ + 1)`, divided by its root mean square
/// over the battles (`zₖ`). Then `P(A beats B) = σ(θ_A − θ_B + Σ γₖ zₖ)`, ties half a win,
/// fitted jointly by Newton with the rating prior on θ and ridge `styleRidge/2 · ‖γ‖²` on γ
/// (LMArena: `reg = 0.5`). Reported ratings are θ, i.e. what each model would score against an
/// opponent with identical style.
///
/// Traps: unlike LMArena the differences are scaled but not centred, so swapping seats negates
/// the features exactly and "zero" means truly equal style (with randomised seats the mean
/// difference is ~0 anyway). Style control cannot use the pooled counts: each fit costs
/// O(battles) per iteration.
public enum StyleControlledBT {
    public struct Options: Sendable, Equatable {
        public var prior: Prior
        public var anchor: Anchor
        public var styleRidge: Double
        public var maxIterations: Int

        public init(prior: Prior = .default, anchor: Anchor = .default, styleRidge: Double = 0.5, maxIterations: Int = 100) {
            self.prior = prior
            self.anchor = anchor
            self.styleRidge = styleRidge
            self.maxIterations = maxIterations
        }
    }

    public static func fit(_ battles: [StyledComparison], modelCount: Int,
                           options: Options = .init()) throws(RankingError) -> StyleControlledFit {
        try options.prior.validate()
        try options.anchor.validate(modelCount: modelCount)
        let counts = try ComparisonCounts(modelCount: modelCount, comparisons: battles.map(\.comparison))
        let table = PairTable(counts: counts)
        let design = Design(battles)
        let played = table.played
        if options.prior == .none, !table.mleExists() {
            throw RankingError(.mleDoesNotExist, "some models never lost or never won against the rest; use a prior")
        }
        let solved = try solve(design, weights: nil, active: played, modelCount: modelCount, options: options, start: nil)
        let theta = Array(solved.x.prefix(modelCount)), gamma = Array(solved.x.suffix(Design.featureCount))
        let fit = RatingFit(ratings: options.anchor.ratings(fromLogits: theta, played: played), logits: theta,
                            flags: RatingFlags.of(counts), mleExists: table.mleExists(),
                            iterations: solved.iterations, converged: solved.converged, tieParameter: nil)
        let coefficients = StyleFeature.allCases.enumerated().map { k, feature in
            StyleCoefficient(feature: feature, logit: gamma[k], scale: design.scales[k])
        }
        return StyleControlledFit(fit: fit, coefficients: coefficients)
    }

    /// Battles flattened into arrays, features normalised once (the bootstrap keeps the scales).
    struct Design: Sendable {
        static let featureCount = StyleFeature.allCases.count
        var a: [Int] = [], b: [Int] = [], score: [Double] = [], z: [Double] = []
        var scales: [Double]

        init(_ battles: [StyledComparison]) {
            let k = Self.featureCount
            var raw = [Double](repeating: 0, count: battles.count * k)
            var squares = [Double](repeating: 0, count: k)
            for (t, battle) in battles.enumerated() {
                a.append(battle.comparison.a)
                b.append(battle.comparison.b)
                score.append(battle.comparison.scoreA)
                let va = battle.styleA.values, vb = battle.styleB.values
                for f in 0..<k {
                    let d = (va[f] - vb[f]) / (va[f] + vb[f] + 1)
                    raw[t * k + f] = d
                    squares[f] += d * d
                }
            }
            scales = squares.map { battles.isEmpty ? 0 : ($0 / Double(battles.count)).squareRoot() }
            z = raw
            for t in 0..<battles.count {
                for f in 0..<k { z[t * k + f] = scales[f] > 0 ? raw[t * k + f] / scales[f] : 0 }
            }
        }
    }

    /// Newton on (θ of the models that played, γ); returns n logits followed by the K coefficients.
    static func solve(_ design: Design, weights: [Int]?, active: [Bool], modelCount n: Int, options: Options,
                      start: [Double]?) throws(RankingError) -> NewtonSolver.Outcome {
        let k = Design.featureCount
        var position = [Int](repeating: -1, count: n)
        var models: [Int] = []
        for i in 0..<n where active[i] {
            position[i] = models.count
            models.append(i)
        }
        let m = models.count, size = m + k
        let prior = options.prior, ridge = options.styleRidge, gauge = prior == .none

        // Prior on θ, ridge on γ, and (without a prior) the gauge term that centres θ.
        func penalties(_ x: [Double], _ g: inout [Double], _ h: inout [Double], derivatives: Bool) -> Double {
            var f = 0.0, sum = 0.0
            for i in 0..<m {
                let terms = prior.logisticTerms(x[i])
                f -= terms.penalty
                sum += x[i]
                if derivatives { g[i] -= terms.slope; h[i * size + i] += terms.curvature }
            }
            for c in 0..<k {
                f -= 0.5 * ridge * x[m + c] * x[m + c]
                if derivatives { g[m + c] -= ridge * x[m + c]; h[(m + c) * size + m + c] += ridge }
            }
            guard gauge else { return f }
            if derivatives { for i in 0..<m { g[i] -= sum; for j in 0..<m { h[i * size + j] += 1 } } }
            return f - 0.5 * sum * sum
        }

        func value(_ x: [Double]) -> Double {
            var f = 0.0
            for t in 0..<design.a.count {
                let w = weights.map { Double($0[t]) } ?? 1
                guard w > 0 else { continue }
                var eta = x[position[design.a[t]]] - x[position[design.b[t]]]
                for c in 0..<k { eta += x[m + c] * design.z[t * k + c] }
                let y = design.score[t]
                f += w * (y * Logistic.logSigmoid(eta) + (1 - y) * Logistic.logSigmoid(-eta))
            }
            var noGradient: [Double] = [], noHessian: [Double] = []
            return f + penalties(x, &noGradient, &noHessian, derivatives: false)
        }

        func derivatives(_ x: [Double], _ g: inout [Double], _ h: inout [Double]) -> Double {
            var f = 0.0
            var zt = [Double](repeating: 0, count: k)
            for t in 0..<design.a.count {
                let w = weights.map { Double($0[t]) } ?? 1
                guard w > 0 else { continue }
                let i = position[design.a[t]], j = position[design.b[t]]
                var eta = x[i] - x[j]
                for c in 0..<k { zt[c] = design.z[t * k + c]; eta += x[m + c] * zt[c] }
                let y = design.score[t], p = Logistic.sigmoid(eta)
                f += w * (y * Logistic.logSigmoid(eta) + (1 - y) * Logistic.logSigmoid(-eta))
                let e = w * (y - p), curvature = w * p * (1 - p)
                g[i] += e
                g[j] -= e
                h[i * size + i] += curvature; h[j * size + j] += curvature
                h[i * size + j] -= curvature; h[j * size + i] -= curvature
                for c in 0..<k {
                    g[m + c] += e * zt[c]
                    let cross = curvature * zt[c]
                    h[i * size + m + c] += cross; h[(m + c) * size + i] += cross
                    h[j * size + m + c] -= cross; h[(m + c) * size + j] -= cross
                    for d in 0..<k { h[(m + c) * size + m + d] += cross * zt[d] }
                }
            }
            return f + penalties(x, &g, &h, derivatives: true)
        }

        var initial = [Double](repeating: 0, count: size)
        if let start, start.count == n + k {
            for (index, model) in models.enumerated() { initial[index] = start[model] }
            for c in 0..<k { initial[m + c] = start[n + c] }
        }
        let solved = try NewtonSolver.maximize(start: initial, maxIterations: options.maxIterations,
                                               value: value, derivatives: derivatives)
        var full = [Double](repeating: 0, count: n + k)
        for (index, model) in models.enumerated() { full[model] = solved.x[index] }
        for c in 0..<k { full[n + c] = solved.x[m + c] }
        return NewtonSolver.Outcome(x: full, iterations: solved.iterations, converged: solved.converged)
    }
}

/// Style-controlled ratings plus the fitted style coefficients.
public struct StyleControlledFit: Sendable, Equatable {
    /// Ratings at zero style difference (flags and convergence as for plain Bradley–Terry).
    public let fit: RatingFit
    /// One per `StyleFeature`, in `allCases` order.
    public let coefficients: [StyleCoefficient]
}

/// How much one style feature moves the odds.
public struct StyleCoefficient: Sendable, Equatable {
    public let feature: StyleFeature
    /// γ: log-odds added per root-mean-square unit of the normalised difference.
    public let logit: Double
    /// Root mean square of `(A − B)/(A + B + 1)` over the battles: what one unit of `logit` means.
    public let scale: Double

    /// γ on the rating scale: points added to seat A per RMS unit of style advantage.
    public var ratingPoints: Double { logit * RatingScale.pointsPerLogit }
}
