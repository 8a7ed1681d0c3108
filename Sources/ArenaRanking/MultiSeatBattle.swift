/// Battles with more than two seats, turned into pairwise comparisons.
///
/// ```swift
/// // Models 4, 7, 9 in seats 0, 1, 2; the answer in seat 1 won.
/// let pairs = try MultiSeatBattle.comparisons(models: [4, 7, 9], verdict: .winner(seat: 1))
/// // → 4 vs 7: winB, 7 vs 9: winA   (the winner beats each other seat; losers are not compared)
/// ```
///
/// Rules: the winner beats each other seat (k − 1 comparisons); `.tie` ties every pair and
/// `.allBad` marks every pair both-bad (k(k − 1)/2 each). In every pair the earlier seat is seat A,
/// which keeps position statistics balanced when there is no position effect.
/// Traps: the comparisons from one battle are not independent, so a k-seat battle counts as k − 1
/// (or k(k−1)/2) votes in the fit and its intervals are a little too narrow; a two-seat battle
/// gives exactly the one comparison you would expect.
public enum MultiSeatBattle {
    public static func comparisons(models: [Int], verdict: MultiSeatVerdict) throws(RankingError) -> [Comparison] {
        guard models.count >= 2 else { throw RankingError(.invalidArgument, "a battle needs at least two seats") }
        guard Set(models).count == models.count else {
            throw RankingError(.sameModelInBothSeats, "a model sits in two seats of one battle")
        }
        switch verdict {
        case .winner(let seat):
            guard models.indices.contains(seat) else {
                throw RankingError(.invalidArgument, "winning seat \(seat) is not in 0..<\(models.count)")
            }
            return models.indices.filter { $0 != seat }.map { other in
                other > seat
                    ? Comparison(a: models[seat], b: models[other], outcome: .winA)
                    : Comparison(a: models[other], b: models[seat], outcome: .winB)
            }
        case .tie, .allBad:
            let outcome: PairOutcome = verdict == .tie ? .tie : .bothBad
            var pairs: [Comparison] = []
            for s in models.indices {
                for t in models.indices where t > s { pairs.append(Comparison(a: models[s], b: models[t], outcome: outcome)) }
            }
            return pairs
        }
    }
}

/// The verdict on a battle of two or more seats.
public enum MultiSeatVerdict: Sendable, Hashable {
    /// The answer in this seat (0-based) was best.
    case winner(seat: Int)
    /// All answers equally good.
    case tie
    /// Every answer was bad.
    case allBad
}
