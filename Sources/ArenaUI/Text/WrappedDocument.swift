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
/// Finished logical lines (those followed by a newline) are styled and wrapped once; only the
/// unfinished last line is re-done on the next `layout`. Changing the width re-wraps everything
/// (once). Call `layout(width:)` before reading lines; reading without it shows the last layout.
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
    private var committed: [StyledLine] = []
    private var committedCount = 0
    private var stateAfterCommitted = MarkdownBlockState()
    private var tailLines: [StyledLine] = []
    private var tailDirty = true

    public init(kind: Kind) { self.kind = kind }

    public init(kind: Kind, text: String) {
        self.kind = kind
        append(text)
    }

    public var isEmpty: Bool { completedLines.isEmpty && tail.isEmpty }

    /// Adds streamed text; chunk boundaries may fall anywhere.
    public mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        tail += pieces[0]
        for piece in pieces.dropFirst() {
            completedLines.append(tail)
            tail = String(piece)
        }
        tailDirty = true
    }

    /// Brings the wrapped rows up to date for `newWidth` columns.
    public mutating func layout(width newWidth: Int) {
        if newWidth != width {
            width = newWidth
            committed.removeAll(keepingCapacity: true)
            committedCount = 0
            stateAfterCommitted = MarkdownBlockState()
            tailDirty = true
        }
        while committedCount < completedLines.count {
            committed.append(contentsOf: wrap(completedLines[committedCount][...], state: &stateAfterCommitted))
            committedCount += 1
            tailDirty = true
        }
        if tailDirty {
            var state = stateAfterCommitted
            tailLines = tail.isEmpty ? [] : wrap(tail[...], state: &state)
            tailDirty = false
        }
    }

    /// Rows at the last layout.
    public var lineCount: Int { committed.count + tailLines.count }

    public func line(_ index: Int) -> StyledLine {
        index < committed.count ? committed[index] : tailLines[index - committed.count]
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
