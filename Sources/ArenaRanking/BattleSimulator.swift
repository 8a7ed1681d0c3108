import Foundation

/// Synthetic battles from known ratings, for tests and benchmarks (never for real data).
///
/// ```swift
/// let sim = BattleSimulator(ratings: [1100, 1000, 900], tieParameter: 0.3)
/// let battles = sim.comparisons(count: 10_000, seed: 1)
/// ```
///
/// Each battle picks an ordered pair uniformly (random seats), then an outcome from Davidson's
/// model at the rating gap (plus `firstSeatAdvantage` for seat A): with `tieParameter == 0` that is
/// plain Bradley–Terry with no ties. A `bothBadShare` of the ties is recorded as `.bothBad`.
public struct BattleSimulator: Sendable {
    public var ratings: [Double]
    public var tieParameter: Double
    public var bothBadShare: Double
    public var firstSeatAdvantage: Double

    public init(ratings: [Double], tieParameter: Double = 0, bothBadShare: Double = 0, firstSeatAdvantage: Double = 0) {
        precondition(ratings.count >= 2, "need two models")
        self.ratings = ratings
        self.tieParameter = tieParameter
        self.bothBadShare = bothBadShare
        self.firstSeatAdvantage = firstSeatAdvantage
    }

    public func comparisons(count: Int, seed: UInt64) -> [Comparison] {
        var rng = SeededRandom(seed: seed)
        let n = UInt64(ratings.count)
        let tau = tieParameter > 0 ? log(tieParameter) : -Double.infinity
        return (0..<count).map { _ in
            let a = Int(rng.next() % n)
            var b = Int(rng.next() % (n - 1))
            if b >= a { b += 1 }
            return Comparison(a: a, b: b, outcome: outcome(a: a, b: b, tau: tau, using: &rng))
        }
    }

    /// One outcome for `a` (seat A) against `b`.
    public func outcome(a: Int, b: Int, using rng: inout SeededRandom) -> PairOutcome {
        outcome(a: a, b: b, tau: tieParameter > 0 ? log(tieParameter) : -Double.infinity, using: &rng)
    }

    private func outcome(a: Int, b: Int, tau: Double, using rng: inout SeededRandom) -> PairOutcome {
        let gap = (ratings[a] + firstSeatAdvantage - ratings[b]) / RatingScale.pointsPerLogit
        let p = Davidson.terms(d: gap, tau: tau)
        let u = rng.nextUniform()
        if u < p.pw { return .winA }
        if u < p.pw + p.pl { return .winB }
        return rng.nextUniform() < bothBadShare ? .bothBad : .tie
    }
}
