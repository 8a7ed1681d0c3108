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
}
