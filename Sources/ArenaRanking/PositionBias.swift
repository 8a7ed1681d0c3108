/// Seat statistics for `arena stats`: does the first (left) answer win more often than chance,
/// and how often are verdicts ties or both-bad?
///
/// ```swift
/// let bias = PositionBias(counts)
/// bias.firstSeatShare().estimate      // 0.5 means no position bias
/// bias.tieRate(), bias.bothBadRate()
/// ```
///
/// `firstSeatShare` counts decisive verdicts only: seat-A wins / (seat-A wins + seat-B wins).
/// Traps: battles expanded from more than two seats (`MultiSeatBattle`) are balanced under no
/// bias but not independent, so their interval is a little too narrow; compute this over
/// two-seat battles when that matters.
public struct PositionBias: Sendable, Equatable {
    public let firstSeatWins: Int
    public let secondSeatWins: Int
    public let ties: Int
    public let bothBad: Int

    public init(_ counts: ComparisonCounts) {
        let totals = counts.seatTotals
        firstSeatWins = totals.winsA
        secondSeatWins = totals.winsB
        ties = totals.ties
        bothBad = totals.bothBad
    }

    public var battles: Int { firstSeatWins + secondSeatWins + ties + bothBad }

    /// Share of decisive verdicts won by the first seat.
    public func firstSeatShare(confidence: Double = 0.95) -> WilsonInterval {
        WilsonInterval(successes: firstSeatWins, trials: firstSeatWins + secondSeatWins, confidence: confidence)
    }

    /// Share of all verdicts that were `.tie`.
    public func tieRate(confidence: Double = 0.95) -> WilsonInterval {
        WilsonInterval(successes: ties, trials: battles, confidence: confidence)
    }

    /// Share of all verdicts that were `.bothBad`.
    public func bothBadRate(confidence: Double = 0.95) -> WilsonInterval {
        WilsonInterval(successes: bothBad, trials: battles, confidence: confidence)
    }
}
