import Testing
@testable import ArenaUI

@Suite struct TextWrapperTests {
    func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap(StyledParagraph(body: text.map { Glyph($0, slot: .text) }), width: width).map(\.text)
    }

    @Test func wrapsAtSpacesAndDropsThem() {
        #expect(wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func cutsWordsLongerThanTheRow() {
        #expect(wrap("abcdefghijkl xy", 5) == ["abcde", "fghij", "kl xy"])
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        // 5 columns: two CJK characters (4) fit, the third goes to the next row.
        #expect(wrap("漢字かなカナ", 5) == ["漢字", "かな", "カナ"])
        #expect(wrap("ab漢字", 5) == ["ab漢", "字"])
    }

    @Test func emojiAndCombiningMarks() {
        #expect(wrap("party 🎉🎉 time", 8) == ["party 🎉", "🎉 time"])
        #expect(wrap("café naïve é", 5) == ["café", "naïve", "é"])
    }

    @Test func keepsIndentationOfTheFirstRow() {
        #expect(wrap("  indented text", 20) == ["  indented text"])
    }

    @Test func hangingIndentForListItems() {
        var state = MarkdownBlockState()
        let paragraph = MarkdownStyler.style("- one two three four", state: &state)
        #expect(TextWrapper.wrap(paragraph, width: 10).map(\.text) == ["• one two", "  three", "  four"])
    }

    @Test func noRowIsWiderThanTheWidth() {
        let text = "Lorem ipsum 漢字 dolor🎉sit amet, consecteturadipiscingelit sed do eiusmod かなカナ tempor"
        for width in 1...30 {
            for row in wrap(text, width) { #expect(DisplayWidth.of(row) <= width, "width \(width): \(row)") }
        }
    }
}
