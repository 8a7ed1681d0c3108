/// A logical line (the text between two newlines) styled and ready to wrap.
public struct StyledParagraph: Sendable, Equatable {
    /// Painted before the first wrapped row (a list bullet, a quote bar).
    public var firstPrefix: [Glyph]
    /// Painted before every further row (a hanging indent).
    public var continuationPrefix: [Glyph]
    public var body: [Glyph]
    /// Code: break between any two characters and keep every space.
    public var breakAnywhere: Bool
    /// A horizontal rule: one row of `─` as wide as the pane.
    public var isRule: Bool

    public init(firstPrefix: [Glyph] = [], continuationPrefix: [Glyph] = [], body: [Glyph],
                breakAnywhere: Bool = false, isRule: Bool = false) {
        self.firstPrefix = firstPrefix
        self.continuationPrefix = continuationPrefix
        self.body = body
        self.breakAnywhere = breakAnywhere
        self.isRule = isRule
    }
}

/// Greedy word wrapping by display width.
///
/// ```swift
/// TextWrapper.wrap(StyledParagraph(body: glyphs), width: 20)  // rows, none wider than 20 columns
/// ```
///
/// Breaks at spaces (which are dropped at the break) and on either side of a wide (CJK) character;
/// a word longer than a row is cut between characters; a wide character never straddles the edge.
/// Greedy wrapping only ever changes the last row when text is appended, which is what lets a pane
/// re-wrap only the unfinished paragraph of a streaming answer.
public enum TextWrapper {
    public static func wrap(_ paragraph: StyledParagraph, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        if paragraph.isRule {
            return [StyledLine(Array(repeating: Glyph("─", slot: .rule, width: 1), count: width))]
        }
        let firstPrefix = prefixWidth(paragraph.firstPrefix) < width ? paragraph.firstPrefix : []
        let restPrefix = prefixWidth(paragraph.continuationPrefix) < width ? paragraph.continuationPrefix : []
        var wrapper = LineBuilder(width: width, firstPrefix: firstPrefix, restPrefix: restPrefix)
        if paragraph.breakAnywhere {
            for glyph in paragraph.body { wrapper.appendBreakingAnywhere(glyph) }
        } else {
            wrapper.appendWords(paragraph.body)
        }
        return wrapper.finish()
    }

    static func prefixWidth(_ glyphs: [Glyph]) -> Int { glyphs.reduce(0) { $0 + Int($1.width) } }
}

private struct LineBuilder {
    let width: Int
    let restPrefix: [Glyph]
    var lines: [StyledLine] = []
    var current: [Glyph]
    var used: Int
    /// Whether the current row holds anything past its prefix.
    var hasContent = false

    init(width: Int, firstPrefix: [Glyph], restPrefix: [Glyph]) {
        self.width = width
        self.restPrefix = restPrefix
        self.current = firstPrefix
        self.used = TextWrapper.prefixWidth(firstPrefix)
    }

    mutating func newLine() {
        while let last = current.last, last.character == " ", hasContent { current.removeLast() }
        lines.append(StyledLine(current))
        current = restPrefix
        used = TextWrapper.prefixWidth(restPrefix)
        hasContent = false
    }

    mutating func appendBreakingAnywhere(_ glyph: Glyph) {
        let w = Int(glyph.width)
        if used + w > width, hasContent { newLine() }
        if used + w > width { return }
        current.append(glyph)
        used += w
        hasContent = true
    }

    mutating func appendWords(_ body: [Glyph]) {
        var index = 0
        let count = body.count
        while index < count {
            let glyph = body[index]
            if glyph.character == " " {
                if hasContent {
                    if used + 1 <= width {
                        current.append(glyph)
                        used += 1
                    } else {
                        newLine()
                    }
                } else if lines.isEmpty {
                    // Leading spaces of the paragraph's first row are kept (indentation).
                    if used + 1 <= width { current.append(glyph); used += 1 }
                }
                index += 1
                continue
            }
            // A word: a run of non-space narrow characters, or a single wide character.
            var end = index
            var wordWidth = 0
            if glyph.width == 2 {
                end = index + 1
                wordWidth = 2
            } else {
                while end < count, body[end].character != " ", body[end].width != 2 {
                    wordWidth += Int(body[end].width)
                    end += 1
                }
            }
            if used + wordWidth <= width {
                current.append(contentsOf: body[index..<end])
                used += wordWidth
                hasContent = true
            } else if hasContent, TextWrapper.prefixWidth(restPrefix) + wordWidth <= width {
                newLine()
                current.append(contentsOf: body[index..<end])
                used += wordWidth
                hasContent = true
            } else {
                for position in index..<end { appendBreakingAnywhere(body[position]) }
            }
            index = end
        }
    }

    mutating func finish() -> [StyledLine] {
        if hasContent || lines.isEmpty {
            while let last = current.last, last.character == " ", hasContent { current.removeLast() }
            lines.append(StyledLine(current))
        }
        return lines
    }
}
