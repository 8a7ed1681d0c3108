import Foundation

/// When is the order of two models settled, and how many more votes would settle it?
///
/// ```swift
/// StoppingRule.votesNeeded(gap: 12, standardError: 9, votes: 800)   // 418 more votes
/// ```
///
/// A pair is settled when `P(higher really is higher) ≥ level` (default 0.95, one-sided). With
/// gap `Δ` and standard error `s` from `n` votes, `m` more votes of the same mix shrink the
/// error to `s·√(n/(n+m))`; the pair settles once `Δ / (s·√(n/(n+m))) ≥ z_level`, so
/// `m = n·((z·s/Δ)² − 1)`, rounded up.
///
/// Traps: this assumes the gap stays where it is — if the models are truly equal, no number of
/// votes settles them, and a small gap gives a huge `m`. "Votes" means votes involving either
/// model (what informs the gap), not only head-to-head ones. `nil` means "cannot say": a gap of
/// zero or less, or no votes yet.
public enum StoppingRule {
    public static func votesNeeded(gap: Double, standardError: Double, votes: Int, level: Double = 0.95) -> Int? {
        guard gap > 0, gap.isFinite, standardError.isFinite else { return nil }
        guard standardError > 0 else { return 0 }
        let ratio = NormalDistribution.quantile(level) * standardError / gap
        if ratio <= 1 { return 0 }
        guard votes > 0 else { return nil }
        let more = (Double(votes) * (ratio * ratio - 1)).rounded(.up)
        return more < 1e15 ? Int(more) : nil
    }

    /// Normal approximation of `P(order right)`: `Φ(gap / standardError)`.
    public static func probabilityOrderRight(gap: Double, standardError: Double) -> Double {
        guard standardError > 0 else { return gap > 0 ? 1 : (gap < 0 ? 0 : 0.5) }
        return NormalDistribution.cdf(gap / standardError)
    }
}
