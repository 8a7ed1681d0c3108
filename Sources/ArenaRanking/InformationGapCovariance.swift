import Foundation

/// Model-based covariance of rating gaps from any observed information matrix of the logits
/// whose rows sum to zero (a weighted graph Laplacian): for pairwise Bradley–Terry
/// (`GapCovariance`), Plackett–Luce and other fits that supply their own information.
///
/// ```swift
/// let fit = try PlackettLuce.fit(counts)
/// let gaps = try InformationGapCovariance(information: fit.information, graph: fit.graph)
/// gaps.standardError(between: 0, and: 1)     // logits; nil across components
/// ```
///
/// Each component of `graph` is solved with its first model held fixed; `Var(θᵢ − θⱼ)` does not
/// depend on that choice. Same units and conventions as `GapCovariance` (errors in logits,
/// `GapCovariance.logitsPerPoint` per rating point, prior left out).
///
/// `GapCovariance` builds Bradley–Terry's information and solves it here.
/// Traps: the information must exclude the prior, or undefeated models look
/// better measured than their votes allow. Costs O(k³) per component of k models.
public struct InformationGapCovariance: Sendable {
    public let graph: ComparisonGraph
    private let covariance: [Int: [Double]]
    private let local: [Int]
    private let members: [[Int]]

    /// `information` is row-major n × n with n = `graph.component.count`.
    public init(information: [Double], graph: ComparisonGraph) throws(RankingError) {
        let n = graph.component.count
        guard information.count == n * n else {
            throw RankingError(.invalidArgument, "information must be \(n) × \(n)")
        }
        self.graph = graph
        let members = (0..<graph.componentCount).map { graph.members(of: $0) }
        self.members = members
        var local = Array(repeating: -1, count: n)
        for group in members { for (position, model) in group.enumerated() { local[model] = position } }
        self.local = local
        var covariance: [Int: [Double]] = [:]
        for (index, group) in members.enumerated() where group.count > 1 {
            let size = group.count - 1
            var block = Array(repeating: 0.0, count: size * size)
            for a in 1..<group.count {
                for b in 1..<group.count { block[(a - 1) * size + (b - 1)] = information[group[a] * n + group[b]] }
            }
            var inverse = Array(repeating: 0.0, count: size * size)
            for column in 0..<size {
                var matrix = block
                var unit = Array(repeating: 0.0, count: size)
                unit[column] = 1
                let solved = try Cholesky.solve(&matrix, unit, size: size)
                for row in 0..<size { inverse[row * size + column] = solved[row] }
            }
            covariance[index] = inverse
        }
        self.covariance = covariance
    }

    /// `Var(θᵢ − θⱼ)` in logits², or nil across components (or for a model that never played).
    public func variance(between i: Int, and j: Int) -> Double? {
        guard i != j else { return 0 }
        guard graph.sameComponent(i, j), let component = graph.component[i], let matrix = covariance[component] else { return nil }
        let size = members[component].count - 1
        func entry(_ a: Int, _ b: Int) -> Double { a == 0 || b == 0 ? 0 : matrix[(a - 1) * size + (b - 1)] }
        let a = local[i], b = local[j]
        return max(entry(a, a) + entry(b, b) - 2 * entry(a, b), 0)
    }

    /// Standard error of `θᵢ − θⱼ` in logits.
    public func standardError(between i: Int, and j: Int) -> Double? {
        variance(between: i, and: j).map(sqrt)
    }
}
