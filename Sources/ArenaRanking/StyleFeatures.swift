/// Style measurements of one answer, the covariates of style control: length and markdown use.
///
/// ```swift
/// let style = StyleFeatures.measure(markdown: answer)                      // tokens estimated
/// let exact = StyleFeatures.measure(markdown: answer, tokens: usage.outputTokens)
/// ```
///
/// Counted as LMArena counts them (FastChat `count_markdown_elements`), after removing fenced code
/// blocks (```` ``` ```` … ```` ``` ````, no backtick inside): header lines `#`…`######` followed by
/// whitespace; list items, ordered (`1. `) or unordered (`- `, `* `, `+ `), after optional
/// indentation; bold spans `**…**` or `__…__` on one line.
///
/// Traps: without `tokens:` the length is estimated as ⌈Unicode scalars / 4⌉ over the whole answer
/// (code included), a rough English-text rule of thumb; pass the provider's output-token count
/// when it is known, and measure every answer the same way — only differences matter.
public struct StyleFeatures: Sendable, Hashable, Codable {
    public var tokens: Int
    public var headers: Int
    public var listItems: Int
    public var boldSpans: Int

    public init(tokens: Int, headers: Int = 0, listItems: Int = 0, boldSpans: Int = 0) {
        self.tokens = tokens
        self.headers = headers
        self.listItems = listItems
        self.boldSpans = boldSpans
    }

    /// Values in `StyleFeature.allCases` order.
    public var values: [Double] { [Double(tokens), Double(headers), Double(listItems), Double(boldSpans)] }

    public static func measure(markdown: String, tokens: Int? = nil) -> StyleFeatures {
        let text = removingFencedCode(Array(markdown.utf8))
        var headers = 0, lists = 0
        var lineStart = 0
        while lineStart <= text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != newline { lineEnd += 1 }
            let hasNewline = lineEnd < text.count
            if isHeader(text, lineStart, lineEnd, hasNewline) { headers += 1 }
            if isListItem(text, lineStart, lineEnd, hasNewline) { lists += 1 }
            lineStart = lineEnd + 1
        }
        let bold = countSpans(text, marker: asterisk) + countSpans(text, marker: underscore)
        let estimated = (markdown.unicodeScalars.count + 3) / 4
        return StyleFeatures(tokens: tokens ?? estimated, headers: headers, listItems: lists, boldSpans: bold)
    }

    private static let newline = UInt8(ascii: "\n"), backtick = UInt8(ascii: "`")
    private static let asterisk = UInt8(ascii: "*"), underscore = UInt8(ascii: "_")

    /// Python's `\s` after a marker: a whitespace byte, or the line's newline.
    private static func whitespaceFollows(_ t: [UInt8], _ i: Int, _ end: Int, _ hasNewline: Bool) -> Bool {
        if i < end { return [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(t[i]) }
        return i == end && hasNewline
    }

    private static func isHeader(_ t: [UInt8], _ start: Int, _ end: Int, _ nl: Bool) -> Bool {
        var i = start
        while i < end, t[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - start
        return (1...6).contains(level) && whitespaceFollows(t, i, end, nl)
    }

    private static func isListItem(_ t: [UInt8], _ start: Int, _ end: Int, _ nl: Bool) -> Bool {
        var i = start
        while i < end, [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(t[i]) { i += 1 }
        guard i < end else { return false }
        if [UInt8(ascii: "-"), asterisk, UInt8(ascii: "+")].contains(t[i]) {
            return whitespaceFollows(t, i + 1, end, nl)
        }
        let digits = i
        while i < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(t[i]) { i += 1 }
        guard i > digits, i < end, t[i] == UInt8(ascii: ".") else { return false }
        return whitespaceFollows(t, i + 1, end, nl)
    }

    /// Non-overlapping `MM[^M\n]+MM` matches, left to right, for marker byte M.
    private static func countSpans(_ t: [UInt8], marker: UInt8) -> Int {
        var count = 0, i = 0
        while i + 1 < t.count {
            guard t[i] == marker, t[i + 1] == marker else { i += 1; continue }
            var k = i + 2
            while k < t.count, t[k] != marker, t[k] != newline { k += 1 }
            if k > i + 2, k + 1 < t.count, t[k] == marker, t[k + 1] == marker {
                count += 1
                i = k + 2
            } else {
                i += 1
            }
        }
        return count
    }

    /// Removes ```` ```…``` ```` blocks that contain no backtick (FastChat's `` ```[^`]*``` ``).
    static func removingFencedCode(_ t: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var i = 0
        while i < t.count {
            if i + 2 < t.count, t[i] == backtick, t[i + 1] == backtick, t[i + 2] == backtick {
                var k = i + 3
                while k < t.count, t[k] != backtick { k += 1 }
                if k + 2 < t.count, t[k + 1] == backtick, t[k + 2] == backtick {
                    i = k + 3
                    continue
                }
            }
            out.append(t[i])
            i += 1
        }
        return out
    }
}

/// The style covariates, in the order of `StyleFeatures.values`.
public enum StyleFeature: String, Sendable, CaseIterable, Codable {
    case tokens
    case headers
    case listItems
    case boldSpans
}

/// A comparison together with the style of both answers: the input of style control.
public struct StyledComparison: Sendable, Hashable, Codable {
    public var comparison: Comparison
    public var styleA: StyleFeatures
    public var styleB: StyleFeatures

    public init(_ comparison: Comparison, styleA: StyleFeatures, styleB: StyleFeatures) {
        self.comparison = comparison
        self.styleA = styleA
        self.styleB = styleB
    }
}
