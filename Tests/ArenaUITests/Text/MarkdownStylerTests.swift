import Testing
@testable import ArenaUI

@Suite struct MarkdownStylerTests {
    func styled(_ lines: [String]) -> [(String, [ThemeSlot])] {
        var state = MarkdownBlockState()
        return lines.map { line in
            let paragraph = MarkdownStyler.style(line[...], state: &state)
            let all = paragraph.firstPrefix + paragraph.body
            return (String(all.map(\.character)), all.map(\.slot))
        }
    }

    @Test func headingsDropTheirMarkers() {
        let result = styled(["## Title here"])
        #expect(result[0].0 == "Title here")
        #expect(result[0].1.allSatisfy { $0 == .heading })
    }

    @Test func boldItalicAndInlineCodeHideMarkers() {
        let result = styled(["a **bold** and *it* and `x+1`"])
        #expect(result[0].0 == "a bold and it and x+1")
        let slots = result[0].1
        #expect(slots[2] == .bold && slots[5] == .bold)
        #expect(slots[11] == .italic)
        #expect(slots[18] == .inlineCode && slots[20] == .inlineCode)
        #expect(slots[0] == .text)
    }

    @Test func arithmeticStarsAndSnakeCaseStayLiteral() {
        #expect(styled(["2 * 3 * 4"])[0].0 == "2 * 3 * 4")
        #expect(styled(["call my_func_name now"])[0].0 == "call my_func_name now")
    }

    @Test func fencedCodeBlocks() {
        let result = styled(["```swift", "let x = *y*", "```", "after"])
        #expect(result[0].1.allSatisfy { $0 == .codeFence })
        #expect(result[1].0 == "│ let x = *y*")
        #expect(result[1].1.dropFirst(2).allSatisfy { $0 == .codeBlock })
        #expect(result[3].0 == "after")
        #expect(result[3].1.allSatisfy { $0 == .text })
    }

    @Test func listsQuotesAndRules() {
        let result = styled(["- item", "* star", "12. twelve", "> quoted", "---"])
        #expect(result[0].0 == "• item")
        #expect(result[0].1[0] == .listMarker)
        #expect(result[1].0 == "• star")
        #expect(result[2].0 == "12. twelve")
        #expect(result[3].0 == "│ quoted")
        var state = MarkdownBlockState()
        #expect(MarkdownStyler.style("---", state: &state).isRule)
    }

    @Test func tabsExpandAndControlsVanish() {
        #expect(styled(["a\tb\u{07}c"])[0].0 == "a   bc")
    }
}
