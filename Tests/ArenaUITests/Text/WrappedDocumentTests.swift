import ArenaCore
import Testing
@testable import ArenaUI

@Suite struct WrappedDocumentTests {
    static let sample = """
    # Heading
    Some **bold** text that is long enough to wrap a few times in a narrow pane, with 漢字 and 🎉.

    - list item one that also wraps around
    - two
    ```
    code line that is quite long indeed
    ```
    Done.
    """

    func rows(_ document: WrappedDocument) -> [String] {
        (0..<document.lineCount).map { document.line($0).text }
    }

    @Test func streamedInAnyChunksEqualsAllAtOnce() {
        var whole = WrappedDocument(kind: .markdown, text: Self.sample)
        whole.layout(width: 17)
        let expected = rows(whole)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            var streamed = WrappedDocument(kind: .markdown)
            var rest = Substring(Self.sample)
            while !rest.isEmpty {
                let take = Int(generator.next() % 7) + 1
                streamed.append(String(rest.prefix(take)))
                rest = rest.dropFirst(take)
                if generator.next() % 2 == 0 { streamed.layout(width: 17) }
            }
            streamed.layout(width: 17)
            #expect(rows(streamed) == expected)
        }
    }

    @Test func relayoutAtANewWidthKeepsAllText() {
        var document = WrappedDocument(kind: .markdown, text: Self.sample)
        document.layout(width: 40)
        let wide = rows(document).joined(separator: " ")
        document.layout(width: 12)
        let narrow = rows(document)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 12 })
        #expect(narrow.joined().filter { $0 != " " && $0 != "│" } == wide.filter { $0 != " " && $0 != "│" })
    }

    @Test func crlfSplitsLines() {
        var document = WrappedDocument(kind: .plain(.reasoning), text: "one\r\ntwo\nthree")
        document.layout(width: 20)
        #expect(rows(document) == ["one", "two", "three"])
    }

    /// Copies of one document (an empty template copied per seat, as a new turn does) must never
    /// answer for each other once they diverge: this is the bug that showed seat B's lines in A.
    @Test func copiesThatDivergeKeepTheirOwnRows() {
        let template = WrappedDocument(kind: .markdown)
        var seats = Array(repeating: template, count: 3)
        let texts = ["1. Apples\n2. Grapefruit\n3. Figs\n4. Lemons\n",
                     "1. Almond Butter\n2. Banana\n3. Berries\n4. Caramel Cakes\n",
                     "one line only"]
        for round in 0..<2 {
            for seat in seats.indices {
                seats[seat].append(texts[seat])
                seats[seat].layout(width: 30 - round * 7)
            }
        }
        for seat in seats.indices {
            var fresh = WrappedDocument(kind: .markdown, text: texts[seat] + texts[seat])
            fresh.layout(width: 23)
            #expect(rows(seats[seat]) == rows(fresh), "seat \(seat)")
        }
        // A copy taken mid-stream and appended differently.
        var first = WrappedDocument(kind: .markdown, text: "shared start\n")
        first.layout(width: 20)
        _ = rows(first)
        var second = first
        first.append("first goes on\nand on\n")
        second.append("x\n")
        first.layout(width: 20)
        second.layout(width: 20)
        #expect(rows(first) == ["shared start", "first goes on", "and on"])
        #expect(rows(second) == ["shared start", "x"])
    }
}
