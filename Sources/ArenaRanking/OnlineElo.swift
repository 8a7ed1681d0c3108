import Foundation

/// Online (sequential) Elo, for a live view: order-dependent, so not the leaderboard's default.
///
/// ```swift
/// let ratings = try OnlineElo.ratings(battlesInTimeOrder, modelCount: n)   // K = 4, start 1000
/// ```
///
/// For each battle, in the order given: `eₐ = 1 / (1 + 10^((r_b − r_a)/400))`, score `sₐ` = 1, 0 or
/// ½ (tie and both-bad), `r_a += K(sₐ − eₐ)`, `r_b −= K(sₐ − eₐ)`. Updates are zero-sum, so the
/// mean stays at the start value and `Anchor.mean(1000)` changes nothing.
///
/// Traps: pass the battles sorted by time — this function does not sort. With K = 4 a model needs
/// hundreds of battles to move far from 1000; Bradley–Terry has no such lag.
public enum OnlineElo {
    public struct Settings: Sendable, Equatable {
        public var k: Double
        public var initialRating: Double
        public var scale: Double
        public var base: Double

        public init(k: Double = 4, initialRating: Double = 1000, scale: Double = 400, base: Double = 10) {
            self.k = k
            self.initialRating = initialRating
            self.scale = scale
            self.base = base
        }
    }

    public static func ratings(_ comparisons: [Comparison], modelCount: Int, settings: Settings = .init(),
                               anchor: Anchor = .default) throws(RankingError) -> [Double] {
        try anchor.validate(modelCount: modelCount)
        let played = try played(comparisons, modelCount: modelCount)
        var ratings = Array(repeating: settings.initialRating, count: modelCount)
        for comparison in comparisons { update(&ratings, with: comparison, settings: settings) }
        return anchor.shifted(ratings, played: played)
    }

    /// One Elo update in place.
    @inline(__always)
    static func update(_ ratings: inout [Double], with comparison: Comparison, settings: Settings) {
        let a = comparison.a, b = comparison.b
        let expected = 1 / (1 + pow(settings.base, (ratings[b] - ratings[a]) / settings.scale))
        let delta = settings.k * (comparison.scoreA - expected)
        ratings[a] += delta
        ratings[b] -= delta
    }

    /// Validates indices and reports which models appear.
    static func played(_ comparisons: [Comparison], modelCount: Int) throws(RankingError) -> [Bool] {
        var played = Array(repeating: false, count: modelCount)
        for c in comparisons {
            try RankingError.checkModel(c.a, modelCount: modelCount)
            try RankingError.checkModel(c.b, modelCount: modelCount)
            guard c.a != c.b else { throw RankingError(.sameModelInBothSeats, "model \(c.a) against itself") }
            played[c.a] = true
            played[c.b] = true
        }
        return played
    }
}
