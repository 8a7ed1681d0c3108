/// What a verdict says about two of its seats: the one rule behind the ranking's pairs, the
/// export's pairwise rows and the head-to-head bars.
///
/// ```swift
/// Verdict.seat(2).comparison(of: 0, and: 2)                    // .second (C beat A)
/// Verdict.seat(2).comparison(of: 0, and: 1)                    // nil: nothing said about A vs B
/// let r = try SeatRanking(parsing: "C>A=D", seatCount: 5)
/// Verdict.ranking(r).comparison(of: 0, and: 3)                 // .tie
/// Verdict.ranking(r).comparison(of: 3, and: 4)                 // .first (D ranked, E not)
/// ```
///
/// Rule: a seat in a ranked group is above every seat in a later group and every unranked seat;
/// seats of one group tie (both bad under `.bothBad`); two unranked seats are not compared. A
/// winner alone is the group `[winner]`; `.tie` and `.bothBad` are one group of every seat.
public enum SeatComparison: Sendable, Equatable {
    case first, second, tie, bothBad

    /// Over `groups` (best first) of the seats in play; `a` and `b` must be seats in play.
    public static func of(_ a: Int, _ b: Int, groups: [[Int]], bothBad: Bool = false) -> SeatComparison? {
        let rankA = groups.firstIndex { $0.contains(a) }
        let rankB = groups.firstIndex { $0.contains(b) }
        switch (rankA, rankB) {
        case (nil, nil): return nil
        case (_?, nil): return .first
        case (nil, _?): return .second
        case let (x?, y?): return x < y ? .first : x > y ? .second : bothBad ? .bothBad : .tie
        }
    }
}

extension Verdict {
    /// The verdict's groups over `seats` (the seats in play), best first; nil for a skip.
    public func groups(among seats: [Int]) -> [[Int]]? {
        switch self {
        case .seat(let winner): [[winner]]
        case .ranking(let ranking): ranking.groups
        case .tie, .bothBad: [seats]
        case .skip: nil
        }
    }

    /// What this verdict says about seat `a` against seat `b` (nil: nothing, or a skip).
    public func comparison(of a: Int, and b: Int) -> SeatComparison? {
        guard let groups = groups(among: [a, b]) else { return nil }
        return SeatComparison.of(a, b, groups: groups, bothBad: self == .bothBad)
    }
}

extension Verdict {
    /// Why this verdict cannot be recorded for `answers` — it puts above others a seat that
    /// failed, was cancelled or gave an empty answer ("B gave an empty answer, so it cannot
    /// win") — or nil. The one wording for `arena ask`, its prompt and the screen.
    public func refusal(answers: [Answer]) -> String? {
        for seat in seatsThatMustHaveAnswered {
            let answer = answers.first { $0.seatIndex == seat }
            guard let reason = answer == nil ? "has no answer" : answer?.cannotWinReason else { continue }
            let role = if case .ranking = self { "be ranked" } else { "win" }
            return "\(SeatLabels.label(for: seat)) \(reason), so it cannot \(role)"
        }
        return nil
    }
}
