import Foundation

/// An anytime-valid confidence interval for the mean of values in [0, 1] that arrive one at a
/// time: the betting confidence sequence of Waudby-Smith & Ramdas (2023, "Estimating means of
/// bounded random variables by betting", JRSS B), with predictable plug-in bets.
///
/// ```swift
/// let cs = BettingConfidenceSequence(values: marks, alpha: 0.05)   // in arrival order
/// cs.lower, cs.upper          // holds for every prefix at once, with probability ≥ 1 − α
/// cs.excludes(below: 0.9)     // true: "the mean is above 0.9" (error ≤ α/2, however often you look)
/// ```
///
/// For a candidate mean `m` two gamblers bet on each value before seeing it: one that the mean is
/// above `m` (wealth `K⁺ = Π (1 + λᵢ⁺(xᵢ − m))`), one that it is below (`K⁻ = Π (1 − λᵢ⁻(xᵢ − m))`).
/// If the mean really is `m` both wealths are non-negative martingales, and by Ville's inequality
/// `P(ever K⁺ ≥ 2/α) ≤ α/2` (same for `K⁻`). The interval is every `m` at which neither gambler has
/// reached `2/α`: `m` below `lower` has been bet against and lost, at any time the user looks.
///
/// The bets use only earlier values (predictable): `λ̃ₜ = √(2·log(2/α) / (σ̂²ₜ₋₁ · t · log(t + 1)))`
/// from the running mean `μ̂ₜ = (½ + Σx)/(t + 1)` and variance `σ̂²ₜ = (¼ + Σ(xᵢ − μ̂ᵢ)²)/(t + 1)`,
/// truncated at `c/m` (resp. `c/(1 − m)`), `c = ¾`. Each factor is positive and monotone in `m`, so
/// `K⁺` falls and `K⁻` rises with `m` and the bounds are found by bisection.
///
/// Traps: the guarantee needs each value's conditional mean, given the earlier ones, to be the
/// same `m` — values in a random order, not sorted; clustered data (marks on the same prompt) must
/// be reduced to one value per cluster first (`ClusteredRate`). The order matters (pass values in
/// the order they were judged). The bounds are at the current time only, not the running
/// intersection, so a decision can be lost again if later values go the other way.
public struct BettingConfidenceSequence: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    public let lower: Double
    public let upper: Double
    public let alpha: Double

    /// Bet truncation: no bet risks more than this share of the gambler's wealth.
    static let truncation = 0.75

    public init(values: [Double], alpha: Double = 0.05) {
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        self.alpha = alpha
        count = values.count
        mean = values.isEmpty ? 0.5 : values.reduce(0, +) / Double(values.count)
        let bets = Self.plugInBets(values, alpha: alpha)
        let threshold = log(2 / alpha)
        lower = Self.bisect(increasing: false) { m in Self.logWealth(values, bets: bets, m: m, above: true) < threshold }
        upper = Self.bisect(increasing: true) { m in Self.logWealth(values, bets: bets, m: m, above: false) < threshold }
    }

    /// The mean is above `m` (with error at most α/2 however often this is asked).
    public func excludes(below m: Double) -> Bool { lower > m }
    /// The mean is below `m`.
    public func excludes(above m: Double) -> Bool { upper < m }

    /// The log-wealth of the gambler betting that the mean is above (`above`) or below `m`.
    public static func logWealth(_ values: [Double], alpha: Double, m: Double, above: Bool) -> Double {
        logWealth(values, bets: plugInBets(values, alpha: alpha), m: m, above: above)
    }

    /// `λ̃ₜ` for each value, computed from the values before it.
    static func plugInBets(_ values: [Double], alpha: Double) -> [Double] {
        var bets: [Double] = []
        bets.reserveCapacity(values.count)
        var sum = 0.0, squares = 0.25
        let numerator = 2 * log(2 / alpha)
        for (index, x) in values.enumerated() {
            let t = Double(index + 1)
            let variance = squares / t
            bets.append(sqrt(numerator / (variance * t * log(t + 1))))
            let runningMean = (0.5 + sum) / t
            squares += (x - runningMean) * (x - runningMean)
            sum += x
        }
        return bets
    }

    static func logWealth(_ values: [Double], bets: [Double], m: Double, above: Bool) -> Double {
        var total = 0.0
        for (x, bet) in zip(values, bets) {
            if above {
                let lambda = m > 0 ? min(bet, truncation / m) : bet
                total += log1p(lambda * (x - m))
            } else {
                let lambda = m < 1 ? min(bet, truncation / (1 - m)) : bet
                total += log1p(-lambda * (x - m))
            }
        }
        return total
    }

    /// The boundary of `{m : keep(m)}` in [0, 1]: the smallest kept `m` when keeping grows with
    /// `m` (`increasing == false`: not kept below, kept above), else the largest.
    private static func bisect(increasing: Bool, keep: (Double) -> Bool) -> Double {
        if increasing {
            if keep(1) { return 1 }
            var low = 0.0, high = 1.0              // keep(low) assumed, !keep(high)
            if !keep(0) { return 0 }
            for _ in 0..<50 { let mid = (low + high) / 2; if keep(mid) { low = mid } else { high = mid } }
            return low
        } else {
            if keep(0) { return 0 }
            var low = 0.0, high = 1.0              // !keep(low), keep(high)
            if !keep(1) { return 1 }
            for _ in 0..<50 { let mid = (low + high) / 2; if keep(mid) { high = mid } else { low = mid } }
            return high
        }
    }
}
