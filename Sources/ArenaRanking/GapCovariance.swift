import Foundation

/// Model-based standard errors of rating gaps: the inverse Fisher information of Bradley–Terry at
/// the fitted ratings, one comparison component at a time.
///
/// ```swift
/// let gaps = try GapCovariance(counts: counts, ratings: fit.ratings)
/// gaps.standardError(between: 0, and: 1)     // logits; nil when they never met, even indirectly
/// ```
///
/// Information of the logits: `H_ii = Σ_j n_ij·p_ij(1 − p_ij)`, `H_ij = −n_ij·p_ij(1 − p_ij)`,
/// with `n_ij` every verdict between them (a tie counts as a battle of half wins, as in the fit)
/// and `p_ij` the fitted win probability. `H` is a weighted graph Laplacian, singular along the
/// common shift, so each component is solved with its first model held fixed; gap variances
/// `Var(θ_i − θ_j)` do not depend on that choice. The prior is left out: it adds information
/// that no vote supplied, and an undefeated model then gets the wide error its record deserves.
///
/// Traps: ratings are in rating points (as fitted and anchored); errors come back in logits
/// (`ln 10 / 400` logits per point), the unit `NormalMixtureBoundary` is tuned in. With ties the
/// binomial information understates what half-win data carry, so the errors are a little wide:
/// safe for decisions. Costs O(k³) per component of k models.
public struct GapCovariance: Sendable {
    /// Logits per rating point.
    public static let logitsPerPoint: Double = log(10.0) / 400

    public var graph: ComparisonGraph { gaps.graph }
    let gaps: InformationGapCovariance

    public init(counts: ComparisonCounts, ratings: [Double]) throws(RankingError) {
        let n = counts.modelCount
        precondition(ratings.count == n, "one rating per model")
        var information = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let battles = Double(counts.battles(between: i, and: j))
                guard battles > 0 else { continue }
                let p = Logistic.sigmoid((ratings[i] - ratings[j]) * Self.logitsPerPoint)
                let weight = battles * max(p * (1 - p), 1e-300)
                information[i * n + i] += weight
                information[j * n + j] += weight
                information[i * n + j] -= weight
                information[j * n + i] -= weight
            }
        }
        gaps = try InformationGapCovariance(information: information, graph: ComparisonGraph(counts))
    }

    /// `Var(θ_i − θ_j)` in logits², or nil across components (or for a model that never played).
    public func variance(between i: Int, and j: Int) -> Double? { gaps.variance(between: i, and: j) }

    /// Standard error of `θ_i − θ_j` in logits.
    public func standardError(between i: Int, and j: Int) -> Double? { gaps.standardError(between: i, and: j) }
}
