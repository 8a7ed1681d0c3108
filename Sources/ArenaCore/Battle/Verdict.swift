/// The user's judgement of one battle turn.
public enum Verdict: Sendable, Equatable, Hashable {
    /// The seat at this index gave the better answer.
    case seat(Int)
    /// Battles of three or more seats: the answers ranked best → worst, with ties, perhaps only
    /// the top few (see `SeatRanking`; never a winner alone or an all-tie, which are `.seat`/`.tie`).
    case ranking(SeatRanking)
    case tie
    /// Both (all) answers were bad: a tie for ranking, kept apart as a signal of inadequacy.
    case bothBad
    /// No judgement; stored so the battle is not offered again, never counted.
    case skip

    /// Parses what a user types or passes to `--vote`: a seat label or number, `tie`, `bad`,
    /// `skip`, or a ranking such as `C>A=D>B` (see `SeatRanking`); nil when it is none of these.
    public init?(parsing text: String, seatCount: Int) {
        guard let verdict = try? Verdict.parse(text, seatCount: seatCount) else { return nil }
        self = verdict
    }

    /// As `init?(parsing:seatCount:)`, saying what is wrong with a ranking that does not parse.
    public static func parse(_ text: String, seatCount: Int) throws(SeatRanking.ParseError) -> Verdict {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "tie", "t", "=": return .tie
        case "bad", "both bad", "bothbad", "both-bad", "x": return .bothBad
        case "skip", "s": return .skip
        case let other:
            if let index = SeatLabels.index(of: other, seatCount: seatCount) { return .seat(index) }
            guard seatCount >= 2 else { throw SeatRanking.ParseError(description: "'\(text)' is not a verdict") }
            return try SeatRanking(parsing: text.trimmingCharacters(in: .whitespaces), seatCount: seatCount).verdict
        }
    }

    /// Stable text for storage and JSON: `A`…`H`, `C>A=D>B`, `tie`, `bad`, `skip`.
    public var code: String {
        switch self {
        case .seat(let index): return SeatLabels.label(for: index)
        case .ranking(let ranking): return ranking.code
        case .tie: return "tie"
        case .bothBad: return "bad"
        case .skip: return "skip"
        }
    }

    /// Reads `code` back; a ranking needs the battle's seat count (`seatCount`), which the
    /// single-word codes do not.
    public init?(code: String, seatCount: Int = SeatLabels.maximum) {
        if code.contains(">") || code.contains("=") {
            guard let ranking = try? SeatRanking(parsing: code, seatCount: seatCount),
                  ranking.code == code, case .ranking = ranking.verdict else { return nil }
            self = .ranking(ranking)
            return
        }
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
        case .ranking(let ranking): return "ranked " + ranking.code.replacingOccurrences(of: ">", with: " > ")
        case .tie: return "tie"
        case .bothBad: return "both bad"
        case .skip: return "skipped"
        }
    }

    /// The seats this verdict puts above or level with another (the winner; in a ranking every
    /// ranked seat but one left alone at the bottom, which is above nobody): each must have an
    /// answer that can win.
    public var seatsThatMustHaveAnswered: [Int] {
        switch self {
        case .seat(let index): [index]
        case .ranking(let ranking):
            ranking.unranked.isEmpty && ranking.groups.last?.count == 1
                ? ranking.groups.dropLast().flatMap { $0 } : ranking.groups.flatMap { $0 }
        case .tie, .bothBad, .skip: []
        }
    }
}
