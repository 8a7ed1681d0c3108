import Foundation

/// Synthetic ranked battles from known ratings under Davidson–Luce (plain Plackett–Luce when
/// `tieWeights` is empty), for tests and benchmarks (never for real data).
///
/// ```swift
/// let sim = RankedBattleSimulator(ratings: [1100, 1050, 1000, 950, 900, 1000], tieWeights: [2: 0.5])
/// let battles = sim.battles(count: 500, seats: 4, seed: 1)     // full rankings of 4 random models
/// let winners = battles.map { sim.winnerOnly($0) }              // the same battles, winner only
/// ```
///
/// Each battle picks `seats` distinct models uniformly, then builds the ranking stage by stage:
/// from the models left, a set S (of a size in {1} ∪ tie sizes) comes next with probability
/// ∝ `δ_|S|·exp(mean θ_S)`, `θ = rating·ln10/400`.
/// Traps: `winnerOnly` keeps the first group only, so a tie for first stays a tie.
public struct RankedBattleSimulator: Sendable {
    public var ratings: [Double]
    /// δ per tie size ≥ 2; sizes not listed never tie.
    public var tieWeights: [Int: Double]

    public init(ratings: [Double], tieWeights: [Int: Double] = [:]) {
        precondition(ratings.count >= 2, "need two models")
        self.ratings = ratings
        self.tieWeights = tieWeights
    }

    public func battles(count: Int, seats: Int, seed: UInt64) -> [RankedBattle] {
        precondition(seats >= 2 && seats <= ratings.count, "seats must be in 2...models")
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var pool = Array(ratings.indices)
            for k in 0..<seats {
                let pick = k + Int(rng.next() % UInt64(pool.count - k))
                pool.swapAt(k, pick)
            }
            let groups = ranking(of: Array(pool.prefix(seats)), using: &rng)
            return try! RankedBattle(groups: groups)
        }
    }

    /// One ranking (groups best first) of `models`.
    public func ranking(of models: [Int], using rng: inout SeededRandom) -> [[Int]] {
        let sizes = [1] + tieWeights.keys.filter { $0 >= 2 && tieWeights[$0]! > 0 }.sorted()
        var remaining = models
        var groups: [[Int]] = []
        while remaining.count > 1 {
            var candidates: [[Int]] = []
            var weights: [Double] = []
            for size in sizes where size <= remaining.count {
                for subset in RankedLikelihood.subsets(of: remaining, size: size) {
                    let mean = subset.reduce(0) { $0 + ratings[$1] } / Double(size) / RatingScale.pointsPerLogit
                    candidates.append(subset)
                    weights.append((size == 1 ? 1 : tieWeights[size]!) * exp(mean))
                }
            }
            var u = rng.nextUniform() * weights.reduce(0, +)
            var chosen = candidates[candidates.count - 1]
            for (k, w) in weights.enumerated() {
                if u < w { chosen = candidates[k]; break }
                u -= w
            }
            groups.append(chosen)
            remaining.removeAll { chosen.contains($0) }
        }
        if !remaining.isEmpty { groups.append(remaining) }
        return groups
    }

    /// The same battle as a "winner only" verdict: the first group, the rest unranked.
    public func winnerOnly(_ battle: RankedBattle) -> RankedBattle {
        let rest = battle.models.filter { !battle.groups[0].contains($0) }
        return (try? RankedBattle(groups: [battle.groups[0]], unranked: rest)) ?? battle
    }
}
