/// The user's judgement of one battle turn.
public enum Verdict: Sendable, Equatable, Hashable {
    /// The seat at this index gave the better answer.
    case seat(Int)
    case tie
    /// Both (all) answers were bad: a tie for ranking, kept apart as a signal of inadequacy.
    case bothBad
    /// No judgement; stored so the battle is not offered again, never counted.
    case skip

    /// Parses what a user types or passes to `--vote`: a seat label or number, `tie`, `bad`, `skip`.
    public init?(parsing text: String, seatCount: Int) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "tie", "t", "=": self = .tie
        case "bad", "both bad", "bothbad", "both-bad", "x": self = .bothBad
        case "skip", "s": self = .skip
        case let other:
            guard let index = SeatLabels.index(of: other, seatCount: seatCount) else { return nil }
            self = .seat(index)
        }
    }

    /// Stable text for storage and JSON: `A`…`H`, `tie`, `bad`, `skip`.
    public var code: String {
        switch self {
        case .seat(let index): return SeatLabels.label(for: index)
        case .tie: return "tie"
        case .bothBad: return "bad"
        case .skip: return "skip"
        }
    }

    public init?(code: String) {
        switch code {
        case "tie": self = .tie
        case "bad": self = .bothBad
        case "skip": self = .skip
        default:
            guard let index = SeatLabels.index(of: code, seatCount: SeatLabels.maximum),
                  !code.allSatisfy(\.isNumber) else { return nil }
            self = .seat(index)
        }
    }

    /// What a person reads: "A is better", "tie", "both bad", "skipped".
    public var summary: String {
        switch self {
        case .seat(let index): return "\(SeatLabels.label(for: index)) is better"
        case .tie: return "tie"
        case .bothBad: return "both bad"
        case .skip: return "skipped"
        }
    }
}
