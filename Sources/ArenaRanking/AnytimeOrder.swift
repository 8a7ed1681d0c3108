import Foundation

/// Is the order of two models settled — in a way that stays true however often you look — and
/// how many more votes would settle it?
///
/// ```swift
/// let rule = AnytimeOrder(alpha: 0.05)
/// rule.isSettled(gapPoints: 40, standardError: 0.08)                       // true or false
/// rule.votesNeeded(gapPoints: 12, standardError: 0.2, votes: 300)          // ~1,900, likely 700–9,800
/// ```
///
/// **Settled** when the anytime-valid interval of the gap, `gap ± NormalMixtureBoundary.radius`,
/// excludes 0: then "the higher one is better" is wrong with probability at most α (two-sided:
/// either order could have been claimed), even if the user checks after every vote and stops the
/// first time it says settled. The standard error is model-based (`GapCovariance`, logits).
///
/// **Votes needed** is the number `m` of further votes involving either model after which the
/// rule settles the pair with probability `power` (80% by default), if the gap is what it is now
/// and information grows in proportion to votes: the smallest `m` with
/// `Δ·√I′ ≥ multiplier(I′) + z_power`, `I′ = I·(n + m)/n`. Its range ("likely") repeats that with
/// the gap at the ends of its 50% interval, `Δ ± 0.674·s`; no upper end when that interval reaches 0.
///
/// Traps: a gap of 0 (or one that could be 0) has no finite answer — two equal models are never
/// settled, by design. Across comparison components there is no gap to measure (pass nil).
public struct AnytimeOrder: Sendable, Equatable {
    public let boundary: NormalMixtureBoundary
    public let power: Double

    public init(alpha: Double = 0.05, power: Double = 0.8) {
        boundary = NormalMixtureBoundary(alpha: alpha)
        self.power = power
    }

    public func isSettled(gapPoints: Double, standardError: Double) -> Bool {
        let gap = abs(gapPoints) * GapCovariance.logitsPerPoint
        return gap > boundary.radius(standardError: standardError)
    }

    /// The anytime-valid interval of the gap, in rating points.
    public func interval(gapPoints: Double, standardError: Double) -> ClosedRange<Double> {
        let radius = boundary.radius(standardError: standardError) / GapCovariance.logitsPerPoint
        return (gapPoints - radius)...(gapPoints + radius)
    }

    public struct VotesNeeded: Sendable, Equatable {
        /// More votes at the current gap.
        public let estimate: Int
        /// The likely range: at the ends of the gap's 50% interval (`high` nil: could be unbounded).
        public let low: Int
        public let high: Int?
    }

    /// Nil when no number of votes settles the pair at the current gap (gap 0, no votes).
    public func votesNeeded(gapPoints: Double, standardError: Double, votes: Int) -> VotesNeeded? {
        guard votes > 0, standardError > 0, standardError.isFinite else { return nil }
        if isSettled(gapPoints: gapPoints, standardError: standardError) { return VotesNeeded(estimate: 0, low: 0, high: 0) }
        let gap = abs(gapPoints) * GapCovariance.logitsPerPoint
        let spread = 0.674 * standardError
        guard let estimate = more(gap: gap, standardError: standardError, votes: votes) else { return nil }
        let low = more(gap: gap + spread, standardError: standardError, votes: votes) ?? estimate
        let high = gap - spread > 0 ? more(gap: gap - spread, standardError: standardError, votes: votes) : nil
        return VotesNeeded(estimate: estimate, low: min(low, estimate), high: high.map { max($0, estimate) })
    }

    private func more(gap: Double, standardError: Double, votes: Int) -> Int? {
        guard gap > 0 else { return nil }
        let information = 1 / (standardError * standardError)
        let z = NormalDistribution.quantile(power)
        func enough(_ extra: Double) -> Bool {
            let grown = information * (Double(votes) + extra) / Double(votes)
            return gap * sqrt(grown) >= boundary.multiplier(information: grown) + z
        }
        if enough(0) { return 0 }
        var high = 1.0
        while !enough(high) {
            high *= 2
            if high > 1e12 { return nil }
        }
        var low = high / 2
        if high == 1 { low = 0 }
        while high - low > 1 {
            let mid = ((low + high) / 2).rounded(.down)
            if enough(mid) { high = mid } else { low = mid }
        }
        return Int(high)
    }
}
