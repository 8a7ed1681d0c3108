import ArenaCore
import ArenaUI

/// What one seat said in one turn, as the checker recorded it from the events it sent (never read
/// back from the screen's state).
public struct SeatRecord: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case waiting, streaming
        case finished(FinishReason)
        case failed(String)
        case cancelled
    }

    public var text = ""
    public var reasoning = ""
    public var phase: Phase = .waiting

    public var isComplete: Bool {
        switch phase {
        case .waiting, .streaming: return false
        default: return true
        }
    }

    public init(text: String = "", reasoning: String = "", phase: Phase = .waiting) {
        self.text = text
        self.reasoning = reasoning
        self.phase = phase
    }
}

/// One turn as the checker recorded it.
public struct TurnRecord: Sendable, Equatable {
    public var prompt: String
    public var seats: [SeatRecord]

    public init(prompt: String, seats: [SeatRecord]) {
        self.prompt = prompt
        self.seats = seats
    }
}

/// An independent render of a pane's rows: each logical line of the seat's *whole* text is styled
/// and wrapped from scratch (no incremental layout, no cache, no shared documents), and the
/// prompt, reasoning header and state lines are written out from the spec in docs/screen.md.
/// Comparing it with what the screen painted catches any pane showing another seat's text, lost
/// or repeated rows, and stale wrapping after a resize or zoom.
public enum PaneOracle {
    /// The pane's rows as text, top to bottom, for `seat` at `width` columns.
    public static func rows(turns: [TurnRecord], seat: Int, width: Int, reasoningExpanded: Bool,
                            redact: (String) -> String) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for (index, turn) in turns.enumerated() {
            let record = turn.seats[seat]
            if index > 0 { rows.append("") }
            rows += PaneContent.promptRows(turn.prompt, width: width).map(\.text)
            if !record.reasoning.isEmpty {
                let reasoningRows = wrapPlain(record.reasoning, width: width)
                let header = reasoningExpanded ? "▾ reasoning (r hides)"
                    : "▸ reasoning, \(reasoningRows.count) line\(reasoningRows.count == 1 ? "" : "s") (r)"
                rows.append(header.truncated(toWidth: width))
                if reasoningExpanded { rows += reasoningRows }
                if !record.text.isEmpty { rows.append("") }
            }
            let answerRows = wrapMarkdown(record.text, width: width)
            rows += answerRows
            switch record.phase {
            case .waiting:
                rows.append("waiting for the first token".truncated(toWidth: max(0, width - 2)))
            case .streaming:
                // The cursor sits after the last row when it has room, else on a row of its own.
                if record.text.isEmpty || DisplayWidth.of(answerRows.last ?? "") >= width { rows.append("") }
            case .finished(let reason):
                if record.text.isEmpty, reason == .stop { rows += wrapNote("∅ empty answer", width: width) }
                switch reason {
                case .length: rows += wrapNote("… cut at the token limit", width: width)
                case .contentFilter: rows += wrapNote("⊘ stopped by a content filter", width: width)
                case .truncated: rows += wrapNote("… the stream ended early: the answer may be incomplete", width: width)
                case .toolCalls: rows += wrapNote("… the model asked to call a tool", width: width)
                case .stop, .cancelled, .error: break
                }
            case .failed(let message):
                rows += wrapNote("✗ error: " + redact(message), width: width)
            case .cancelled:
                rows += wrapNote("⊘ cancelled", width: width)
            }
        }
        return rows
    }

    /// Markdown text, styled line by line with the block state carried across lines.
    public static func wrapMarkdown(_ text: String, width: Int) -> [String] {
        var state = MarkdownBlockState()
        return logicalLines(text).flatMap { line in
            TextWrapper.wrap(MarkdownStyler.style(line[...], state: &state), width: width).map(\.text)
        }
    }

    static func wrapPlain(_ text: String, width: Int) -> [String] {
        logicalLines(text).flatMap { line in
            TextWrapper.wrap(MarkdownStyler.plain(line[...], slot: .reasoning), width: width).map(\.text)
        }
    }

    static func wrapNote(_ text: String, width: Int) -> [String] {
        TextWrapper.wrap(StyledParagraph(body: text.map { Glyph($0, slot: .text) }), width: width).map(\.text)
    }

    /// The lines of `text`: a trailing newline ends the last line without starting an empty one.
    static func logicalLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
