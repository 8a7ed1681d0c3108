import Synchronization

/// Streaming text kept wrapped for one width, re-wrapping only what an append can change.
///
/// ```swift
/// var doc = WrappedDocument(kind: .markdown)
/// doc.append("# Title\nSome **bold** te")
/// doc.layout(width: 40)
/// doc.lineCount   // 2
/// doc.line(1)     // "Some bold te", styled
/// ```
///
/// Finished logical lines (those followed by a newline) are wrapped once at `layout` to count
/// their rows; only their row counts and Markdown block state are kept, and the styled rows of a
/// line are made again when it is shown (a small cache keeps the recently shown ones). Memory is
/// therefore about the size of the text, not 24 bytes per character. Only the unfinished last line
/// is re-wrapped on the next `layout`. Changing the width re-counts everything (once). Call
/// `layout(width:)` before reading lines; reading without it shows the last layout.
/// A single line longer than 16 KB is wrapped in pieces of at most 16 KB, cut at a space, so a huge
/// answer without newlines costs linear time, not quadratic.
///
/// Trap (fixed, keep it fixed): the row cache is a class, and a class inside a struct is shared by
/// every copy. Copies of one document (an empty template copied per seat, a document copied and
/// then appended differently) once shared it, so seat B's rows answered for seat A's line and a
/// cached row array of the wrong length was indexed out of range. The cache is now copy-on-write:
/// every mutation first takes a private cache unless this copy is its only owner, so two copies
/// share a cache only while their text and width are identical.
public struct WrappedDocument: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Answer text: Markdown styling.
        case markdown
        /// Reasoning and notices: one slot, no Markdown.
        case plain(ThemeSlot)
    }

    public let kind: Kind
    private var completedLines: [String] = []
    private var tail = ""
    private var width = -1
    /// First row of each laid-out completed line; `rowStarts.count` lines are laid out.
    private var rowStarts: [Int] = []
    /// Markdown block state before each laid-out completed line.
    private var statesBefore: [MarkdownBlockState] = []
    private var committedRows = 0
    private var stateAfterCommitted = MarkdownBlockState()
    private var tailLines: [StyledLine] = []
    private var tailDirty = true
    private var cache = WrapCache()

    public init(kind: Kind) { self.kind = kind }

    public init(kind: Kind, text: String) {
        self.kind = kind
        append(text)
    }

    public var isEmpty: Bool { completedLines.isEmpty && tail.isEmpty }

    /// Adds streamed text; chunk boundaries may fall anywhere.
    public mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        ownCache()
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        tail += pieces[0]
        for piece in pieces.dropFirst() {
            completedLines.append(tail)
            tail = String(piece)
        }
        while tail.utf8.count > Self.longLineBytes { splitLongTail() }
        tailDirty = true
    }

    static let longLineBytes = 16 * 1024

    private mutating func splitLongTail() {
        let bytes = tail.utf8
        let limit = bytes.index(bytes.startIndex, offsetBy: Self.longLineBytes)
        let floor = bytes.index(bytes.startIndex, offsetBy: Self.longLineBytes / 2)
        var cut: String.Index
        if let space = bytes[floor..<limit].lastIndex(of: UInt8(ascii: " ")) {
            cut = bytes.index(after: space)
        } else {
            // No space: cut at the last whole character before the limit (walks at most 16 KB).
            cut = tail.startIndex
            while cut < tail.endIndex {
                let next = tail.index(after: cut)
                if next > limit { break }
                cut = next
            }
            if cut == tail.startIndex { cut = tail.index(after: cut) }
        }
        completedLines.append(String(tail[..<cut]))
        tail = String(tail[cut...])
    }

    /// Brings the row counts up to date for `newWidth` columns.
    public mutating func layout(width newWidth: Int) {
        ownCache()
        if newWidth != width {
            width = newWidth
            rowStarts.removeAll(keepingCapacity: true)
            statesBefore.removeAll(keepingCapacity: true)
            committedRows = 0
            stateAfterCommitted = MarkdownBlockState()
            cache.clear()
            tailDirty = true
        }
        while rowStarts.count < completedLines.count {
            let index = rowStarts.count
            rowStarts.append(committedRows)
            statesBefore.append(stateAfterCommitted)
            let rows = wrap(completedLines[index][...], state: &stateAfterCommitted)
            committedRows += rows.count
            cache.store(rows, line: index, width: width)
            tailDirty = true
        }
        if tailDirty {
            var state = stateAfterCommitted
            tailLines = tail.isEmpty ? [] : wrap(tail[...], state: &state)
            tailDirty = false
        }
    }

    /// Before any change: a cache shared with another copy is left to that copy, and this one starts
    /// its own (empty: rows are made again on demand).
    private mutating func ownCache() {
        if !isKnownUniquelyReferenced(&cache) { cache = WrapCache() }
    }

    /// Rows at the last layout.
    public var lineCount: Int { committedRows + tailLines.count }

    public func line(_ index: Int) -> StyledLine {
        guard index < committedRows else { return tailLines[index - committedRows] }
        // The completed line holding this row: the last one starting at or before it.
        var low = 0, high = rowStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rowStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        let rows = cache.rows(line: low, width: width) ?? {
            var state = statesBefore[low]
            let rows = wrap(completedLines[low][...], state: &state)
            cache.store(rows, line: low, width: width)
            return rows
        }()
        return rows[index - rowStarts[low]]
    }

    /// The width of the last layout, or -1 before the first.
    public var layoutWidth: Int { width }

    private func wrap(_ line: Substring, state: inout MarkdownBlockState) -> [StyledLine] {
        switch kind {
        case .markdown:
            return TextWrapper.wrap(MarkdownStyler.style(line, state: &state), width: width)
        case .plain(let slot):
            return TextWrapper.wrap(MarkdownStyler.plain(line, slot: slot), width: width)
        }
    }
}

/// Styled rows of recently wrapped lines, bounded by the glyphs it holds. Owned by one document:
/// copies share it only until one of them changes (`WrappedDocument.ownCache`).
final class WrapCache: Sendable {
    private struct Entries {
        var rows: [Int: [StyledLine]] = [:]
        var width = -1
        var glyphs = 0
    }

    /// About 400 KB of glyphs (24 bytes each): more than a pane shows on a 200×50 terminal, so
    /// what is on screen stays cached, but a document does not keep every row it ever wrapped
    /// (at 256K glyphs, 8 panes of long answers held about 40 MB of rows). A pane zoomed on a
    /// larger terminal wraps its visible lines again when the cache fills: milliseconds a frame.
    static let glyphLimit = 16 * 1024
    private let entries = Mutex(Entries())

    func rows(line: Int, width: Int) -> [StyledLine]? {
        entries.withLock { $0.width == width ? $0.rows[line] : nil }
    }

    func store(_ rows: [StyledLine], line: Int, width: Int) {
        let glyphs = rows.reduce(0) { $0 + $1.glyphs.count }
        entries.withLock { entries in
            if entries.width != width || entries.glyphs + glyphs > Self.glyphLimit {
                entries = Entries()
                entries.width = width
            }
            if entries.rows.updateValue(rows, forKey: line) == nil { entries.glyphs += glyphs }
        }
    }

    func clear() { entries.withLock { $0 = Entries() } }
}
