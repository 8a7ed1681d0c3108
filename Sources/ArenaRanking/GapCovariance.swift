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

    public let graph: ComparisonGraph
    /// Covariance of `θ_i − θ_ref` within each component (row-major, component-local indices).
    private let covariance: [Int: [Double]]
    /// Position of each model inside its component's member list.
    private let local: [Int]
    private let members: [[Int]]

    public init(counts: ComparisonCounts, ratings: [Double]) throws(RankingError) {
        let n = counts.modelCount
        precondition(ratings.count == n, "one rating per model")
        let graph = ComparisonGraph(counts)
        self.graph = graph
        let members = (0..<graph.componentCount).map { graph.members(of: $0) }
        self.members = members
        var local = Array(repeating: -1, count: n)
        for group in members { for (position, model) in group.enumerated() { local[model] = position } }
        self.local = local
        var covariance: [Int: [Double]] = [:]
        for (index, group) in members.enumerated() where group.count > 1 {
            let size = group.count - 1               // group[0] is held fixed
            var information = Array(repeating: 0.0, count: size * size)
            for a in 0..<group.count {
                for b in (a + 1)..<group.count {
                    let i = group[a], j = group[b]
                    let battles = Double(counts.battles(between: i, and: j))
                    guard battles > 0 else { continue }
                    let p = Logistic.sigmoid((ratings[i] - ratings[j]) * Self.logitsPerPoint)
                    let weight = battles * max(p * (1 - p), 1e-300)
                    if a > 0 { information[(a - 1) * size + (a - 1)] += weight }
                    if b > 0 { information[(b - 1) * size + (b - 1)] += weight }
                    if a > 0 && b > 0 {
                        information[(a - 1) * size + (b - 1)] -= weight
                        information[(b - 1) * size + (a - 1)] -= weight
                    }
                }
            }
            var inverse = Array(repeating: 0.0, count: size * size)
            for column in 0..<size {
                var matrix = information
                var unit = Array(repeating: 0.0, count: size)
                unit[column] = 1
                let solved = try Cholesky.solve(&matrix, unit, size: size)
                for row in 0..<size { inverse[row * size + column] = solved[row] }
            }
            covariance[index] = inverse
        }
        self.covariance = covariance
    }

    /// `Var(θ_i − θ_j)` in logits², or nil across components (or for a model that never played).
    public func variance(between i: Int, and j: Int) -> Double? {
        guard i != j else { return 0 }
        guard graph.sameComponent(i, j), let component = graph.component[i], let matrix = covariance[component] else { return nil }
        let size = members[component].count - 1
        func entry(_ a: Int, _ b: Int) -> Double { a == 0 || b == 0 ? 0 : matrix[(a - 1) * size + (b - 1)] }
        let a = local[i], b = local[j]
        return max(entry(a, a) + entry(b, b) - 2 * entry(a, b), 0)
    }

    /// Standard error of `θ_i − θ_j` in logits.
    public func standardError(between i: Int, and j: Int) -> Double? {
        variance(between: i, and: j).map(sqrt)
    }
}
