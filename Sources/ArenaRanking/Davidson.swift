import Foundation

/// Davidson's (1970) tie model: Bradley–Terry plus a tie parameter ν, so ties are evidence of
/// closeness instead of half a win each way.
///
/// ```swift
/// let fit = try Davidson.fit(counts)
/// fit.ratings            // same 400·log10 scale as BradleyTerry
/// fit.tieParameter       // ν; two equal models tie with probability ν/(2+ν)
/// ```
///
/// Model, with strengths `πᵢ = e^θᵢ`: `P(i beats j) = πᵢ / D`, `P(tie) = ν·√(πᵢπⱼ) / D`,
/// `D = πᵢ + πⱼ + ν·√(πᵢπⱼ)`. Among decisive battles `P(i beats j) = σ(θᵢ − θⱼ)`, so ratings read
/// exactly like Bradley–Terry's. Both-bad verdicts count as ties. Fitted by Newton on
/// (θ, log ν) jointly over the pooled counts.
///
/// Prior: the same "one virtual split decision against a reference at 0" as Bradley–Terry, but
/// scored under Davidson's model (`−count·log(2cosh(θ/2) + ν)` per model), which also keeps ν
/// finite when every real verdict is a tie. `Prior.gaussian` penalises θ only.
///
/// Traps: with no ties at all ν is 0 and the fit equals Bradley–Terry's. Ratings are spread
/// wider than half-win Bradley–Terry's when ties are common — that is the point, not a bug.
public enum Davidson {
    public static func fit(_ counts: ComparisonCounts, options: FitOptions = .init()) throws(RankingError) -> RatingFit {
        try options.prior.validate()
        try options.anchor.validate(modelCount: counts.modelCount)
        let table = PairTable(counts: counts)
        let played = table.played
        let solved = try logits(table: table, active: played, prior: options.prior,
                                maxIterations: options.maxIterations, start: nil)
        return RatingFit(ratings: options.anchor.ratings(fromLogits: solved.logits, played: played),
                         logits: solved.logits, flags: RatingFlags.of(counts),
                         mleExists: table.mleExists() && table.totalDecisive > 0,
                         iterations: solved.iterations, converged: solved.converged, tieParameter: solved.nu)
    }

    struct Solution {
        var logits: [Double]
        var nu: Double
        var iterations: Int
        var converged: Bool
    }

    /// Fits the `active` models; `start` may hold n logits followed by log ν (warm start).
    static func logits(table: PairTable, active: [Bool], prior: Prior, maxIterations: Int,
                       start: [Double]?) throws(RankingError) -> Solution {
        if table.totalTies == 0 {
            let btStart = start.map { Array($0.prefix(table.modelCount)) }
            let bt = try BradleyTerry.logits(table: table, active: active, prior: prior,
                                             maxIterations: maxIterations, start: btStart)
            return Solution(logits: bt.x, nu: 0, iterations: bt.iterations, converged: bt.converged)
        }
        if prior == .none, table.totalDecisive == 0 {
            throw RankingError(.mleDoesNotExist, "every verdict is a tie: ν is infinite; use a prior")
        }
        if prior == .none, !table.mleExists(active: active) {
            throw RankingError(.mleDoesNotExist, "some models never lost or never won against the rest; use a prior")
        }
        let n = table.modelCount
        var position = [Int](repeating: -1, count: n)
        var models: [Int] = []
        for i in 0..<n where active[i] {
            position[i] = models.count
            models.append(i)
        }
        let m = models.count, tau = m, size = m + 1
        var pairI: [Int] = [], pairJ: [Int] = [], wins: [Double] = [], losses: [Double] = [], ties: [Double] = []
        for k in 0..<table.pairCount {
            let i = position[table.first[k]], j = position[table.second[k]]
            guard i >= 0, j >= 0, table.winsFirst[k] + table.winsSecond[k] + table.ties[k] > 0 else { continue }
            pairI.append(i); pairJ.append(j)
            wins.append(table.winsFirst[k]); losses.append(table.winsSecond[k]); ties.append(table.ties[k])
        }
        let virtualCount: Double = { if case .virtualTies(let c) = prior { c } else { 0 } }()
        let precision: Double = { if case .gaussian(let p) = prior { p } else { 0 } }()
        let gauge = prior == .none

        // Adds one (W, L, T) block at difference d; `j < 0` means the fixed reference at 0.
        func accumulate(_ x: [Double], i: Int, j: Int, w: Double, l: Double, t: Double,
                        _ g: inout [Double], _ h: inout [Double]) -> Double {
            let d = j >= 0 ? x[i] - x[j] : x[i]
            let terms = Self.terms(d: d, tau: x[tau])
            let total = w + l + t
            let gd = (w - l) / 2 - total * (terms.pw - terms.pl) / 2
            let gt = t - total * terms.pt
            let hdd = total * ((terms.pw + terms.pl) - (terms.pw - terms.pl) * (terms.pw - terms.pl)) / 4
            let htt = total * terms.pt * (1 - terms.pt)
            let hdt = -total * terms.pt * (terms.pw - terms.pl) / 2
            g[i] += gd; g[tau] += gt
            h[i * size + i] += hdd; h[tau * size + tau] += htt
            h[i * size + tau] += hdt; h[tau * size + i] += hdt
            if j >= 0 {
                g[j] -= gd
                h[j * size + j] += hdd
                h[i * size + j] -= hdd; h[j * size + i] -= hdd
                h[j * size + tau] -= hdt; h[tau * size + j] -= hdt
            }
            return (w - l) * d / 2 + t * x[tau] - total * terms.logNorm
        }

        func value(_ x: [Double]) -> Double {
            var f = 0.0
            for k in 0..<pairI.count {
                let d = x[pairI[k]] - x[pairJ[k]]
                f += (wins[k] - losses[k]) * d / 2 + ties[k] * x[tau]
                    - (wins[k] + losses[k] + ties[k]) * Self.terms(d: d, tau: x[tau]).logNorm
            }
            var sum = 0.0
            for i in 0..<m {
                f -= virtualCount * Self.terms(d: x[i], tau: x[tau]).logNorm + 0.5 * precision * x[i] * x[i]
                sum += x[i]
            }
            return gauge ? f - 0.5 * sum * sum : f
        }

        func derivatives(_ x: [Double], _ g: inout [Double], _ h: inout [Double]) -> Double {
            var f = 0.0
            for k in 0..<pairI.count {
                f += accumulate(x, i: pairI[k], j: pairJ[k], w: wins[k], l: losses[k], t: ties[k], &g, &h)
            }
            var sum = 0.0
            for i in 0..<m {
                if virtualCount > 0 {
                    f += accumulate(x, i: i, j: -1, w: virtualCount / 2, l: virtualCount / 2, t: 0, &g, &h)
                }
                f -= 0.5 * precision * x[i] * x[i]
                g[i] -= precision * x[i]
                h[i * size + i] += precision
                sum += x[i]
            }
            if gauge {
                f -= 0.5 * sum * sum
                for i in 0..<m {
                    g[i] -= sum
                    for j in 0..<m { h[i * size + j] += 1 }
                }
            }
            return f
        }

        var initial = [Double](repeating: 0, count: size)
        if let start, start.count == n + 1 {
            for (k, model) in models.enumerated() { initial[k] = start[model] }
            initial[tau] = start[n]
        } else {
            // Tie share among equal models is ν/(2+ν): start from the observed share.
            let share = min(max(table.totalTies / (table.totalTies + table.totalDecisive), 0.01), 0.99)
            initial[tau] = log(2 * share / (1 - share))
        }
        let solved = try NewtonSolver.maximize(start: initial, maxIterations: maxIterations,
                                               value: value, derivatives: derivatives)
        var full = [Double](repeating: 0, count: n)
        for (k, model) in models.enumerated() { full[model] = solved.x[k] }
        return Solution(logits: full, nu: exp(solved.x[tau]), iterations: solved.iterations, converged: solved.converged)
    }

    /// Probabilities of win / loss / tie at logit gap `d` and `τ = log ν`, and `log` of the
    /// normaliser `e^{d/2} + e^{−d/2} + e^τ`, computed without overflow.
    public static func terms(d: Double, tau: Double) -> (pw: Double, pl: Double, pt: Double, logNorm: Double) {
        let top = max(abs(d) / 2, tau)
        let a = exp(d / 2 - top), b = exp(-d / 2 - top), c = exp(tau - top)
        let s = a + b + c
        return (a / s, b / s, c / s, top + log(s))
    }
}
