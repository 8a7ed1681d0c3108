import Foundation

/// Synthetic votes from raters who follow known ratings, ignore them or oppose them: for tests
/// and benchmarks of the team views (never for real data).
///
/// ```swift
/// let sim = RaterSimulator(ratings: [1200, 1100, 1000, 900], tieParameter: 0.3)
/// let votes = sim.votes(by: "ana", behaviour: .honest, count: 500, seed: 1)
///     + sim.votes(by: "bot", behaviour: .random, count: 500, seed: 2)
///     + sim.votes(by: "troll", behaviour: .adversarial(0.8), count: 500, seed: 3)
/// ```
///
/// Each vote picks an ordered pair uniformly (random seats), like `BattleSimulator`. `.honest`
/// draws the verdict from `BattleSimulator` (Davidson's model at the true gap, so ties and
/// both-bad occur when `tieParameter > 0`); `.random` is a fair coin between the seats, never a
/// tie; `.adversarial(p)` picks the model with the lower true rating with probability `p`, the
/// higher one otherwise (a fair coin between equals). Vote `k` is cast at `start + k·spacing`.
public struct RaterSimulator: Sendable {
    /// How a simulated rater votes.
    public enum Behaviour: Sendable, Equatable {
        /// Bradley–Terry/Davidson verdicts from the true ratings.
        case honest
        /// A fair coin between the two seats.
        case random
        /// Picks the truly weaker model with this probability.
        case adversarial(Double)
    }

    public var battles: BattleSimulator

    public init(ratings: [Double], tieParameter: Double = 0, bothBadShare: Double = 0) {
        battles = BattleSimulator(ratings: ratings, tieParameter: tieParameter, bothBadShare: bothBadShare)
    }

    public func votes(by rater: String, behaviour: Behaviour, count: Int, seed: UInt64,
                      start: Date = Date(timeIntervalSince1970: 1_700_000_000),
                      spacing: TimeInterval = 60) -> [RaterVote] {
        var rng = SeededRandom(seed: seed)
        let ratings = battles.ratings
        let n = UInt64(ratings.count)
        return (0..<count).map { k in
            let a = Int(rng.next() % n)
            var b = Int(rng.next() % (n - 1))
            if b >= a { b += 1 }
            let outcome: PairOutcome
            switch behaviour {
            case .honest:
                outcome = battles.outcome(a: a, b: b, using: &rng)
            case .random:
                outcome = rng.nextUniform() < 0.5 ? .winA : .winB
            case .adversarial(let p):
                let aIsWeaker = ratings[a] != ratings[b] ? ratings[a] < ratings[b] : rng.nextUniform() < 0.5
                outcome = (rng.nextUniform() < p) == aIsWeaker ? .winA : .winB
            }
            return RaterVote(rater: rater, a: a, b: b, outcome: outcome,
                             createdAt: start.addingTimeInterval(Double(k) * spacing))
        }
    }
}
