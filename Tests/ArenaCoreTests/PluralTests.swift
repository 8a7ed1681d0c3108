import ArenaCore
import Testing

@Suite("Counted nouns")
struct PluralTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(counted(1, "verdict") == "1 verdict")
        #expect(counted(0, "verdict") == "0 verdicts")
        #expect(counted(12, "row") == "12 rows")
        #expect(counted(1, "more vote") == "1 more vote")
        #expect(counted(2, "reply", "replies") == "2 replies")
        #expect(counted(1, "reply", "replies") == "1 reply")
        #expect(pluralised(3, "endpoint") == "endpoints")
    }

    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (123_456, "123,456"), (1_234_567, "1,234,567"),
                      (-4200, "-4,200"), (Int.min, "-9,223,372,036,854,775,808")])
    func thousandsAreGroupedByCommas(_ value: Int, _ text: String) {
        #expect(grouped(value) == text)
    }
}
