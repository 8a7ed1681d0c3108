import ArenaCore
import Testing
@testable import ArenaUI

/// The ranking being typed, on its own: seats in order, `=` for equals, Backspace, the labels
/// the pane titles show and the `SeatRanking` Enter saves.
@Suite struct RankingDraftTests {
    /// `c a=d b`, key by key.
    static func typed(_ keys: String) -> RankingDraft {
        var draft = RankingDraft()
        for key in keys where key != " " {
            if key == "=" { draft.joinNext() } else { draft.place(Int(key.asciiValue! - 97)) }
        }
        return draft
    }

    @Test func seatsGoBestToWorstWithEqualsSharingARank() throws {
        let draft = Self.typed("c a=d b")
        #expect(draft.groups == [[2], [0, 3], [1]])
        #expect(draft.text == "C > A = D > B")
        #expect([0, 1, 2, 3].map { draft.rankLabel(for: $0, seatCount: 4) } == ["=2nd", "3rd", "1st", "=2nd"])
        #expect(try draft.ranking(seatCount: 4)?.code == "C>A=D>B")
        #expect(draft.placedCount == 4 && draft.rank(of: 3, seatCount: 4) == 1)
    }

    @Test func aPartialRankingLeavesTheRestUnrankedExceptALoneLastSeat() throws {
        let top2 = try #require(try Self.typed("c a").ranking(seatCount: 5))
        #expect(top2.groups == [[2], [0]])
        #expect(top2.unranked == [1, 3, 4])
        #expect(top2.verdict == .ranking(top2))
        // All seats but one: the one left is implied last.
        #expect(try Self.typed("c a d").ranking(seatCount: 4)?.code == "C>A>D>B")
        #expect(Self.typed("c a").rankLabel(for: 1, seatCount: 5) == nil)
        // The one seat left is shown last, as Enter would save it; not while an `=` waits.
        #expect(Self.typed("c a d").rankLabel(for: 1, seatCount: 4) == "4th")
        #expect(Self.typed("c a d=").rankLabel(for: 1, seatCount: 4) == nil)
        #expect(Self.typed("c a d").shownGroups(seatCount: 4) == [[2], [0], [3], [1]])
    }

    @Test func aSeatCannotBePlacedTwiceAndEqualsNeedASeatBefore() {
        var draft = RankingDraft()
        let results = [draft.joinNext(),    // nothing to be equal to yet
                       draft.place(1), draft.place(1),
                       draft.joinNext(), draft.joinNext()]   // `==` is one `=`
        #expect(results == [false, true, false, true, false])
        #expect(draft.text == "B =")
        #expect(draft.joining)
        #expect(draft.groups == [[1]])
    }

    @Test func backspaceTakesBackADanglingEqualsThenSeatsOneByOne() {
        var draft = Self.typed("c a=d=")
        draft.removeLast()
        #expect(draft.text == "C > A = D" && !draft.joining)
        draft.removeLast()
        #expect(draft.text == "C > A")
        draft.removeLast()
        draft.removeLast()
        #expect(draft.isEmpty)
        draft.removeLast()                  // nothing left: no harm
        #expect(draft == RankingDraft())
    }

    @Test func emptyDraftHasNoRankingAndAllEqualIsATie() throws {
        #expect(try RankingDraft().ranking(seatCount: 3) == nil)
        let all = try #require(try Self.typed("a=b=c").ranking(seatCount: 3))
        #expect(VerdictChoice(all) == .tie)
        let alone = try #require(try Self.typed("b").ranking(seatCount: 4))
        #expect(VerdictChoice(alone) == .seat(1))
        let pair = try #require(try Self.typed("a=b").ranking(seatCount: 3))
        #expect(VerdictChoice(pair) == .ranking(pair) && pair.code == "A=B>C")
    }

    @Test func ordinals() {
        #expect((1...8).map(RankingDraft.ordinal) == ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"])
        #expect([11, 12, 13, 21, 22].map(RankingDraft.ordinal) == ["11th", "12th", "13th", "21st", "22nd"])
    }
}
