import Foundation

/// Which pair to judge next: sample pairs with probability proportional to how much one more vote
/// would shrink their uncertainty (Chiang et al. 2024, §5).
///
/// ```swift
/// let weights = ActiveSampling.weights(counts, models: enabledModels)
/// var rng = SeededRandom(seed: seed)
/// if let next = ActiveSampling.choose(from: weights, using: &rng) { judge(next.first, next.second) }
/// ```
///
/// For pair a with `n` battles and score variance `Σ`: weight `√(Σ/(n+1)) − √(Σ/(n+2))` — the
/// paper's `√(Σ/n) − √(Σ/(n+1))` with one virtual battle added so unjudged pairs get a large but
/// finite weight. `Σ = μ(1−μ)` with `μ = (wins + ½·ties + 1)/(n + 2)` (ties and both-bad as half),
/// a Laplace-smoothed Bernoulli variance that slightly overstates it when ties are common.
///
/// Traps: the paper reweights votes by inverse sampling probability because its win-rate estimator
/// assumes uniform pairs. The Bradley–Terry fit here needs no reweighting: a likelihood fit stays
/// consistent under any pair choice that depends only on earlier votes. The raw win-rate matrix in
/// `PairAnalysis` is not reweighted either.
public enum ActiveSampling {
    /// Probabilities over all unordered pairs of `models` (default: every model), summing to 1.
    public static func weights(_ counts: ComparisonCounts, models: [Int]? = nil) -> [PairWeight] {
        let pool = models ?? Array(0..<counts.modelCount)
        var raw: [(Int, Int, Double)] = []
        for (index, i) in pool.enumerated() {
            for j in pool[(index + 1)...] where j != i {
                let n = Double(counts.battles(between: i, and: j))
                let halves = Double(counts.ties(between: i, and: j) + counts.bothBad(between: i, and: j)) / 2
                let mu = (Double(counts.wins(of: i, over: j)) + halves + 1) / (n + 2)
                let variance = mu * (1 - mu)
                raw.append((i, j, (variance / (n + 1)).squareRoot() - (variance / (n + 2)).squareRoot()))
            }
        }
        let total = raw.reduce(0) { $0 + $1.2 }
        return raw.map { PairWeight(first: $0.0, second: $0.1, probability: total > 0 ? $0.2 / total : 0) }
    }

    /// Draws one pair by its probability; nil when there are no pairs.
    public static func choose(from weights: [PairWeight], using rng: inout some RandomNumberGenerator) -> PairWeight? {
        guard !weights.isEmpty else { return nil }
        let u = Double.random(in: 0..<1, using: &rng)
        var cumulative = 0.0
        for weight in weights {
            cumulative += weight.probability
            if u < cumulative { return weight }
        }
        return weights.last
    }
}

/// A pair of models and the probability of judging it next.
public struct PairWeight: Sendable, Equatable {
    public let first: Int
    public let second: Int
    public let probability: Double
}
