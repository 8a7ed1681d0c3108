/// The verdict on one comparison of two answers, seen from seat A (the left/first seat).
///
/// ```swift
/// let c = Comparison(a: 0, b: 1, outcome: .winA)   // model 0 sat left and won
/// ```
///
/// Traps: `.bothBad` is a tie for every rating method (as LMArena does) but is counted apart from
/// `.tie` everywhere else, because "both answers were bad" says something about absolute quality
/// that "equally good" does not.
public enum PairOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case winA
    case winB
    case tie
    case bothBad

    /// Seat A's score: 1 for a win, 0 for a loss, ½ for either kind of tie (LMArena's convention).
    public var scoreA: Double {
        switch self {
        case .winA: 1
        case .winB: 0
        case .tie, .bothBad: 0.5
        }
    }

    /// True for `.tie` and `.bothBad`.
    public var isTie: Bool { self == .tie || self == .bothBad }

    /// The same verdict with the seats swapped.
    public var swapped: PairOutcome {
        switch self {
        case .winA: .winB
        case .winB: .winA
        case .tie, .bothBad: self
        }
    }
}
