import ArenaCore
import Foundation
import Testing

/// A ranking shape's stored code reads back exactly, whatever the names hold, and nothing else
/// reads as a shape.
@Suite struct RankingShapeTests {
    static let pieces = ["", "a", "7", "12:", ":", "3:abc", "名前", "👩‍👩‍👧", "\u{0}", "é", "e\u{301}", "9999999999", "gpt-4o"]

    static func randomName(_ random: inout SeededGenerator) -> String {
        (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func everyShapeReadsBackFromItsCode() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let seatCount = 2 + Int(random.next() % 7)
            var verdicts: [Verdict] = [.tie, .bothBad, .skip, .seat(Int(random.next() % UInt64(seatCount)))]
            if seatCount >= 3 { verdicts += ["C>A=B", "B>C", "A=C>B", "C>B>A"].compactMap { try? Verdict.parse($0, seatCount: seatCount) } }
            let seats = (0..<Int(random.next() % UInt64(seatCount + 1))).map {
                RankingShape.Seat(seatIndex: $0, model: Self.randomName(&random), counts: random.next() % 2 == 0)
            }
            let shape = RankingShape(rater: Self.randomName(&random), verdict: verdicts[Int(random.next() % UInt64(verdicts.count))],
                                     blind: random.next() % 2 == 0, leaked: random.next() % 2 == 0, seats: seats)
            #expect(RankingShape(code: shape.code) == shape, "\(shape)")
        }
    }

    @Test func fieldsSplitBackWhateverTheyHold() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<2_000 {
            let fields = (0..<Int(random.next() % 8)).map { _ in Self.randomName(&random) }
            #expect(LengthPrefixedFields.split(LengthPrefixedFields.join(fields)) == fields)
        }
    }

    /// Damaged or foreign text: cut short, lengths too long or cutting a character, wrong
    /// version, unknown verdicts, flags other than 0/1, seat indices out of range.
    @Test func anythingElseIsRefused() throws {
        let shape = RankingShape(rater: "ana", verdict: .seat(1), blind: true, leaked: false,
                                 seats: [.init(seatIndex: 0, model: "名前", counts: true), .init(seatIndex: 1, model: "b", counts: false)])
        let code = shape.code
        #expect(RankingShape(code: code) == shape)
        // Cut anywhere, it reads only where a whole seat ends: the header alone, or the first seat.
        let readable = (0..<code.unicodeScalars.count).compactMap { cut in
            RankingShape(code: String(String.UnicodeScalarView(code.unicodeScalars.prefix(cut))))?.seats.count
        }
        #expect(readable == [0, 1])
        let join = LengthPrefixedFields.join
        for fields in [["2", "ana", "B", "8", "1", "0"], ["1", "ana", "Z9", "8", "1", "0"], ["1", "ana", "B", "8", "2", "0"],
                       ["1", "ana", "B", "8", "1", "0", "8", "1", "m"], ["1", "ana", "B", "8", "1", "0", "0", "1"],
                       ["1", "ana", "B", "0", "1", "0"], ["1", "ana", "B", "8", "1", "0", "-1", "1", "m"]] {
            #expect(RankingShape(code: join(fields)) == nil, "\(fields)")
        }
        #expect(RankingShape(code: join(["1", "ana", "B", "8", "1", "0"])) != nil)
        #expect(LengthPrefixedFields.split("2:名") == nil)     // a length that cuts a character
        #expect(LengthPrefixedFields.split("99:ab") == nil)
        #expect(LengthPrefixedFields.split("1234567890:") == nil)
        #expect(LengthPrefixedFields.split("x") == nil)
        #expect(LengthPrefixedFields.split("") == [])
    }
}
