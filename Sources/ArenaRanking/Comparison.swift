/// One judged comparison of two models, by model index, with the seat each model had.
///
/// ```swift
/// let battles = [Comparison(a: 2, b: 0, outcome: .winB)]   // model 0, on the right, won
/// let counts = try ComparisonCounts(modelCount: 3, comparisons: battles)
/// ```
///
/// Model indices are positions in a list of model names the caller keeps; this module never sees
/// names. There is no timestamp: methods that depend on order (`OnlineElo`) take comparisons in the
/// order given, so pass them sorted by time.
///
/// Traps: `a` must differ from `b`; both must be below the `modelCount` of whatever consumes them
/// (checked there, with a `RankingError`).
public struct Comparison: Sendable, Hashable, Codable {
    /// The model in seat A (left, shown first).
    public var a: Int
    /// The model in seat B (right, shown second).
    public var b: Int
    /// The verdict, from seat A's point of view.
    public var outcome: PairOutcome

    public init(a: Int, b: Int, outcome: PairOutcome) {
        self.a = a
        self.b = b
        self.outcome = outcome
    }

    /// Seat A's score: 1, 0 or ½.
    public var scoreA: Double { outcome.scoreA }

    /// The same comparison with the seats swapped (same information, opposite seat order).
    public var swapped: Comparison { Comparison(a: b, b: a, outcome: outcome.swapped) }
}
