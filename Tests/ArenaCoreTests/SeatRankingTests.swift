import ArenaTestTraits
import ArenaCore
import Foundation
import Testing

/// `SeatRanking` / `Verdict.parse`: what a user types for a ranking of 3+ answers, its normal
/// form and code, and what it says about each pair (checked against an independent oracle).
@Suite("Seat rankings", .ownThread)
struct SeatRankingTests {
    @Test func parsesEverySpellingToOneNormalForm() throws {
        let spellings = ["C>A=D>B", "c>a=d>b", "c a=d b", "C, A = D, B", "3>1=4>2", "ca=db", " C > A=D > B "]
        for text in spellings {
            let ranking = try SeatRanking(parsing: text, seatCount: 4)
            #expect(ranking.groups == [[2], [0, 3], [1]], "\(text)")
            #expect(ranking.code == "C>A=D>B")
            #expect(try Verdict.parse(text, seatCount: 4) == .ranking(ranking))
        }
        // Inside a group the seats are sorted; one seat left over is the last group.
        #expect(try SeatRanking(parsing: "D=A>C", seatCount: 4).code == "A=D>C>B")
        #expect(try SeatRanking(parsing: "C>A", seatCount: 5).unranked == [1, 3, 4])
    }

    @Test func degenerateRankingsAreTheVerdictsTheyMean() throws {
        #expect(try Verdict.parse("C", seatCount: 4) == .seat(2))
        #expect(try Verdict.parse("c>", seatCount: 4) == .seat(2))            // a trailing separator is harmless
        #expect(try Verdict.parse("A=B=C", seatCount: 3) == .tie)
        #expect(try Verdict.parse("B>A", seatCount: 2) == .seat(1))           // two seats: a winner
        #expect(try Verdict.parse("A=B", seatCount: 2) == .tie)
        #expect(try Verdict.parse("tie", seatCount: 4) == .tie)
        #expect(try Verdict.parse("bad", seatCount: 4) == .bothBad)
        #expect(try Verdict.parse("A>B", seatCount: 3).code == "A>B>C")       // the last seat is implied
    }

    @Test func badRankingsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("A>A", "seat A appears twice"),
            ("A>E", "'E' is not a seat of this battle (A–D)"),
            ("A==B", "'=' needs a seat on each side"),
            ("A>=B", "'=' needs a seat on each side"),
            ("=A", "'=' needs a seat on each side"),
            ("A=", "'=' needs a seat on each side"),
            (">A", "'>' needs a seat on each side"),
        ]
        for (text, message) in cases {
            #expect(throws: SeatRanking.ParseError(description: message), "\(text)") { try Verdict.parse(text, seatCount: 4) }
        }
        #expect(Verdict(parsing: "A>Q", seatCount: 4) == nil)
    }

    @Test func codesRoundTripWithTheSeatCount() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let seats = Int(rng.next() % 7) + 2
            let ranking = Self.randomRanking(seats: seats, using: &rng)
            let verdict = ranking.verdict
            #expect(Verdict(code: verdict.code, seatCount: seats) == verdict, "\(ranking.code) of \(seats)")
            #expect(try Verdict.parse(verdict.code, seatCount: seats) == verdict)
        }
        // A non-normal code is not a stored ranking.
        #expect(Verdict(code: "D=A>C", seatCount: 4) == nil)
        #expect(Verdict(code: "A>B", seatCount: 2) == nil)   // stored as "A"
    }

    /// `comparison(of:and:)` against an oracle written from the rule in words: position of each
    /// seat in the typed order, unranked seats below all, neither ranked → nothing.
    @Test func pairComparisonsMatchAnOracle() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            let seats = Int(rng.next() % 7) + 2
            let ranking = Self.randomRanking(seats: seats, using: &rng)
            let verdict = ranking.verdict
            var level: [Int: Int] = [:]
            for (g, group) in ranking.groups.enumerated() { for seat in group { level[seat] = g } }
            for a in 0..<seats {
                for b in 0..<seats where a != b {
                    let expected: SeatComparison? = switch (level[a], level[b]) {
                    case (nil, nil): nil
                    case (.some, nil): .first
                    case (nil, .some): .second
                    case let (x?, y?): x == y ? .tie : (x < y ? .first : .second)
                    }
                    #expect(verdict.comparison(of: a, and: b) == expected, "\(ranking.code): \(a) vs \(b)")
                }
            }
        }
        #expect(Verdict.bothBad.comparison(of: 0, and: 2) == .bothBad)
        #expect(Verdict.skip.comparison(of: 0, and: 1) == nil)
    }

    @Test func refusesToRankASeatThatCannotWin() {
        let answers = [Answer(seatIndex: 0, text: "a", finishReason: .stop),
                       Answer(seatIndex: 1, text: "  ", finishReason: .stop),
                       Answer(seatIndex: 2, text: "c", finishReason: .stop)]
        #expect(Verdict(parsing: "C>B", seatCount: 3)?.refusal(answers: answers) == "B gave an empty answer, so it cannot be ranked")
        #expect(Verdict(parsing: "B", seatCount: 3)?.refusal(answers: answers) == "B gave an empty answer, so it cannot win")
        #expect(Verdict(parsing: "C>A", seatCount: 3)?.refusal(answers: answers) == nil)
        #expect(Verdict.tie.refusal(answers: answers) == nil)
    }

    static func randomRanking(seats: Int, using rng: inout SeededGenerator) -> SeatRanking {
        var order = Array(0..<seats)
        for i in stride(from: seats - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let ranked = Int(rng.next() % UInt64(seats)) + 1
        var groups: [[Int]] = []
        for seat in order.prefix(ranked) {
            if !groups.isEmpty, rng.next() % 3 == 0 { groups[groups.count - 1].append(seat) } else { groups.append([seat]) }
        }
        return try! SeatRanking(groups: groups, seatCount: seats)
    }
}
