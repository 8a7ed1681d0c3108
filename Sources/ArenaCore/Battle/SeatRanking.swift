/// A ranking of a battle's answers, best first, by seat: `C>A=D>B` (C best, A and D equally good,
/// B worst), or a partial one, `C>A` ("C, then A, above all the rest").
///
/// ```swift
/// let full = try SeatRanking(parsing: "C>A=D>B", seatCount: 4)   // groups [[2], [0, 3], [1]]
/// let top2 = try SeatRanking(parsing: "c a", seatCount: 4)       // [[2], [0]]; B and D unranked
/// full.code                                                       // "C>A=D>B"
/// top2.verdict                                                    // .ranking(top2)
/// try SeatRanking(parsing: "b", seatCount: 4).verdict             // .seat(1): a winner alone
/// ```
///
/// Normal form (what `code` writes and the store keeps): seats sorted inside each group; when
/// exactly one seat is left unranked it becomes the last group (it is below all the others);
/// when one group holds every seat the ranking is a tie. `verdict` turns the degenerate shapes
/// into the verdicts they mean — a single winner is `.seat`, everything equal is `.tie` — so a
/// two-seat `A>B` is the same verdict as `A` and every stored two-seat vote keeps one spelling.
///
/// Traps: separators are `>`, `,` or spaces between groups and `=` inside one; a seat may
/// appear once. "Equally good" (`A=D`) is evidence the two are close; leaving them unranked is not.
public struct SeatRanking: Sendable, Hashable {
    /// Seat indices, best group first; never empty, no empty group, no seat twice.
    public let groups: [[Int]]
    public let seatCount: Int

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public init(groups: [[Int]], seatCount: Int) throws(ParseError) {
        guard (2...SeatLabels.maximum).contains(seatCount) else {
            throw ParseError(description: "a ranking needs 2–\(SeatLabels.maximum) seats")
        }
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else {
            throw ParseError(description: "name at least one seat")
        }
        let all = groups.flatMap { $0 }
        if let outside = all.first(where: { !(0..<seatCount).contains($0) }) {
            throw ParseError(description: "there is no seat \(SeatLabels.label(for: max(outside, 0))) in a battle of \(seatCount)")
        }
        var seen = Set<Int>()
        for seat in all where !seen.insert(seat).inserted {
            throw ParseError(description: "seat \(SeatLabels.label(for: seat)) appears twice")
        }
        var normal = groups.map { $0.sorted() }
        let rest = (0..<seatCount).filter { !seen.contains($0) }
        if rest.count == 1 { normal.append(rest) }
        self.groups = normal
        self.seatCount = seatCount
    }

    /// `C>A=D>B`, `c a=d b`, `C,A=D,B` (case and spaces around `>`/`=` do not matter; seat
    /// numbers `3>1` work too).
    public init(parsing text: String, seatCount: Int) throws(ParseError) {
        var groups: [[Int]] = []
        var current: [Int] = []
        var token = ""
        var joinNext = false
        func flushToken() throws(ParseError) {
            guard !token.isEmpty else { return }
            guard let seat = SeatLabels.index(of: token, seatCount: seatCount) else {
                throw ParseError(description: "'\(token)' is not a seat of this battle (A–\(SeatLabels.label(for: seatCount - 1)))")
            }
            if joinNext || current.isEmpty {
                current.append(seat)
            } else {
                groups.append(current)
                current = [seat]
            }
            joinNext = false
            token = ""
        }
        for character in text {
            switch character {
            case ">", ",", " ", "\t":
                try flushToken()
                if character != " " && character != "\t" {
                    guard !current.isEmpty, !joinNext else { throw ParseError(description: "'\(character)' needs a seat on each side") }
                    groups.append(current)
                    current = []
                }
            case "=":
                try flushToken()
                guard !current.isEmpty, !joinNext else { throw ParseError(description: "'=' needs a seat on each side") }
                joinNext = true
            default:
                // Letters run together ("cadb") are one seat each; numbers may have two digits only
                // in theory (at most 8 seats), so every character is its own seat.
                token.append(character)
                try flushToken()
            }
        }
        try flushToken()
        guard !joinNext else { throw ParseError(description: "'=' needs a seat on each side") }
        if !current.isEmpty { groups.append(current) }
        try self.init(groups: groups, seatCount: seatCount)
    }

    /// Seats the ranking leaves below every group, unordered among themselves.
    public var unranked: [Int] {
        let ranked = Set(groups.flatMap { $0 })
        return (0..<seatCount).filter { !ranked.contains($0) }
    }

    /// The rank (0 = best) of `seat`, if ranked; tied seats share a rank.
    public func rank(of seat: Int) -> Int? {
        groups.firstIndex { $0.contains(seat) }
    }

    /// `C>A=D>B`: how it is stored, exported and shown.
    public var code: String {
        groups.map { $0.map(SeatLabels.label(for:)).joined(separator: "=") }.joined(separator: ">")
    }

    /// The verdict this ranking is: `.seat` for a winner alone (however it was written), `.tie`
    /// when every seat is in one group, else `.ranking`.
    public var verdict: Verdict {
        if groups.count == 1 && groups[0].count == seatCount { return .tie }
        if groups.count == 1 && groups[0].count == 1 { return .seat(groups[0][0]) }
        if seatCount == 2 { return .seat(groups[0][0]) }    // A>B: the two-seat winner
        return .ranking(self)
    }
}
