/// What the styler remembers from one logical line to the next: whether a fenced code block is open.
public struct MarkdownBlockState: Sendable, Equatable {
    /// The opening fence (```` ``` ```` or `~~~`) while inside a code block.
    public var openFence: String?

    public init(openFence: String? = nil) { self.openFence = openFence }
}

/// Styles one logical line of Markdown for the terminal: headings, **bold**, *italic*, `code`,
/// fenced code blocks, lists, quotes and rules. Inline markers are hidden.
///
/// ```swift
/// var state = MarkdownBlockState()
/// let paragraph = MarkdownStyler.style("- **fast** path", state: &state)
/// TextWrapper.wrap(paragraph, width: 30)   // "• fast path", with "fast" in the bold slot
/// ```
///
/// Built for streaming: a marker opens its style at once and the style runs to the closing marker
/// or the end of the line, so text already on screen never changes style when more arrives.
/// Not a full CommonMark parser: no tables, links stay as written, `_` never means emphasis
/// (identifiers like `snake_case` are common in answers).
public enum MarkdownStyler {
    /// Styles `line` (without its newline) and updates the block state.
    public static func style(_ line: Substring, state: inout MarkdownBlockState) -> StyledParagraph {
        let text = sanitized(line)
        let trimmed = text.drop(while: { $0 == " " })
        let indent = text.count - trimmed.count

        if let fence = state.openFence {
            if indent <= 3, trimmed.hasPrefix(fence) {
                state.openFence = nil
                return StyledParagraph(body: glyphs(text, slot: .codeFence))
            }
            return StyledParagraph(firstPrefix: codeBar, continuationPrefix: codeBar,
                                   body: glyphs(text, slot: .codeBlock), breakAnywhere: true)
        }
        if indent <= 3, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            state.openFence = String(trimmed.prefix(3))
            return StyledParagraph(body: glyphs(text, slot: .codeFence))
        }
        if indent <= 3, let level = headingLevel(trimmed) {
            let body = trimmed.dropFirst(level).drop(while: { $0 == " " })
            return StyledParagraph(body: inline(body, base: .heading))
        }
        if indent <= 3, isRule(trimmed) {
            return StyledParagraph(body: [], isRule: true)
        }
        if indent <= 3, trimmed.hasPrefix(">") {
            let body = trimmed.dropFirst().drop(while: { $0 == " " })
            let bar = [Glyph("│", slot: .quote), Glyph(" ", slot: .quote)]
            return StyledParagraph(firstPrefix: bar, continuationPrefix: bar, body: inline(body, base: .quote))
        }
        if let (marker, rest) = listMarker(trimmed) {
            let lead = String(repeating: " ", count: min(indent, 8))
            let bullet = marker == "-" || marker == "*" || marker == "+" ? "•" : marker
            let first = glyphs(lead, slot: .text) + glyphs(bullet + " ", slot: .listMarker)
            let hanging = Array(repeating: Glyph(" ", slot: .text, width: 1),
                                count: TextWrapper.prefixWidth(first))
            return StyledParagraph(firstPrefix: first, continuationPrefix: hanging, body: inline(rest, base: .text))
        }
        return StyledParagraph(body: inline(text[...], base: .text))
    }

    /// The reasoning block: plain, one slot, no Markdown.
    public static func plain(_ line: Substring, slot: ThemeSlot) -> StyledParagraph {
        StyledParagraph(body: glyphs(sanitized(line), slot: slot))
    }

    static let codeBar = [Glyph("│", slot: .codeFence), Glyph(" ", slot: .codeFence)]

    /// Tabs become spaces (to the next multiple of 4); other control characters are dropped.
    static func sanitized(_ line: Substring) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count)
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                result.append(String(repeating: " ", count: spaces))
                column += spaces
                continue
            }
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            result.append(character)
            column += w
        }
        return result
    }

    static func glyphs(_ text: some StringProtocol, slot: ThemeSlot) -> [Glyph] {
        text.map { Glyph($0, slot: slot) }
    }

    static func headingLevel(_ text: Substring) -> Int? {
        var level = 0
        for character in text {
            if character == "#" { level += 1 } else { break }
        }
        guard (1...6).contains(level) else { return nil }
        let after = text.dropFirst(level)
        return after.isEmpty || after.first == " " ? level : nil
    }

    static func isRule(_ text: Substring) -> Bool {
        let compact = text.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    static func listMarker(_ text: Substring) -> (String, Substring)? {
        guard let first = text.first else { return nil }
        if "-*+".contains(first), text.dropFirst().first == " " {
            return (String(first), text.dropFirst(2))
        }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let after = text.dropFirst(digits.count)
        guard let dot = after.first, dot == "." || dot == ")", after.dropFirst().first == " " else { return nil }
        return (String(digits) + String(dot), after.dropFirst(2))
    }

    /// Inline styling: `code`, **bold**, *italic*; backslash escapes a marker.
    static func inline(_ text: Substring, base: ThemeSlot) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(text.count)
        var bold = false, italic = false, code = false
        var index = text.startIndex
        var previous: Character = " "
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if code {
                if character == "`" {
                    code = false
                } else {
                    result.append(Glyph(character, slot: .inlineCode))
                }
                previous = character
                index = next
                continue
            }
            if character == "\\", next < text.endIndex, "*`\\#".contains(text[next]) {
                result.append(Glyph(text[next], slot: slot(base: base, bold: bold, italic: italic)))
                previous = text[next]
                index = text.index(after: next)
                continue
            }
            if character == "`" {
                code = true
                index = next
                continue
            }
            if character == "*" {
                if next < text.endIndex, text[next] == "*" {
                    let after = text.index(after: next)
                    let opens = !bold && after < text.endIndex && text[after] != " "
                    if opens || bold {
                        bold.toggle()
                        index = after
                        continue
                    }
                } else {
                    let nextChar: Character? = next < text.endIndex ? text[next] : nil
                    let opens = !italic && nextChar != nil && nextChar != " " && previous != "*"
                    let closes = italic && previous != " "
                    if opens || closes {
                        italic.toggle()
                        index = next
                        continue
                    }
                }
            }
            result.append(Glyph(character, slot: slot(base: base, bold: bold, italic: italic)))
            previous = character
            index = next
        }
        return result
    }

    static func slot(base: ThemeSlot, bold: Bool, italic: Bool) -> ThemeSlot {
        if base == .heading || base == .quote { return base }
        if bold { return .bold }
        if italic { return .italic }
        return base
    }
}
