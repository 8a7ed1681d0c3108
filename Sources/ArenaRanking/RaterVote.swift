import Foundation

/// One verdict by a named rater, with the time it was cast: the input of the team views
/// (`DailyCap`, `RaterAgreement`).
///
/// ```swift
/// let vote = RaterVote(rater: "ana", a: 2, b: 0, outcome: .winB, createdAt: stored.createdAt)
/// vote.comparison        // Comparison(a: 2, b: 0, outcome: .winB): model 0, on the right, won
/// vote.winner            // 0 (nil for .tie and .bothBad)
/// ```
///
/// The verdict is the same `PairOutcome` as everywhere else, seen from seat A. Rater names are
/// compared exactly (case and whitespace matter); normalise them before building votes.
/// Traps: like `Comparison`, `a` must differ from `b` and both must be valid model indices; that
/// is checked by whatever consumes the votes, with a `RankingError`.
public struct RaterVote: Sendable, Hashable, Codable {
    /// Who voted.
    public var rater: String
    /// The model in seat A (left, shown first).
    public var a: Int
    /// The model in seat B (right, shown second).
    public var b: Int
    /// The verdict, from seat A's point of view.
    public var outcome: PairOutcome
    /// When the vote was cast.
    public var createdAt: Date

    public init(rater: String, a: Int, b: Int, outcome: PairOutcome, createdAt: Date) {
        self.rater = rater
        self.a = a
        self.b = b
        self.outcome = outcome
        self.createdAt = createdAt
    }

    public init(rater: String, comparison: Comparison, createdAt: Date) {
        self.init(rater: rater, a: comparison.a, b: comparison.b, outcome: comparison.outcome, createdAt: createdAt)
    }

    /// The verdict without rater and time, as the rating methods take it.
    public var comparison: Comparison { Comparison(a: a, b: b, outcome: outcome) }

    /// The model the rater preferred; `nil` for `.tie` and `.bothBad`.
    public var winner: Int? {
        switch outcome {
        case .winA: a
        case .winB: b
        case .tie, .bothBad: nil
        }
    }

    /// The model the rater rejected; `nil` for `.tie` and `.bothBad`.
    public var loser: Int? {
        switch outcome {
        case .winA: b
        case .winB: a
        case .tie, .bothBad: nil
        }
    }
}
