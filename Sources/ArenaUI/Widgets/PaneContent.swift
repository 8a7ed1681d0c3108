import ArenaCore

/// The rows of one pane, across every turn of the battle: the prompt (in follow-ups), reasoning
/// (dimmed, collapsible), the answer, the streaming cursor and a closing state line. Built per frame
/// from already-wrapped documents, so it costs only a few small arrays.
public struct PaneContent {
    enum Block {
        case lines([StyledLine])
        case document(WrappedDocument)
    }

    private(set) var blocks: [Block] = []
    private(set) var starts: [Int] = []
    public private(set) var count = 0
    /// Row and column of the streaming cursor, if any.
    public private(set) var cursor: (row: Int, column: Int)?

    mutating func add(_ block: Block) {
        let size: Int
        switch block {
        case .lines(let lines): size = lines.count
        case .document(let document): size = document.lineCount
        }
        guard size > 0 else { return }
        starts.append(count)
        blocks.append(block)
        count += size
    }

    mutating func add(_ line: StyledLine) { add(.lines([line])) }

    public func line(_ row: Int) -> StyledLine {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= row { low = mid } else { high = mid - 1 }
        }
        switch blocks[low] {
        case .lines(let lines): return lines[row - starts[low]]
        case .document(let document): return document.line(row - starts[low])
        }
    }

    /// The content of `seat` at `width` columns (documents must be laid out for `width`).
    public static func build(state: ScreenState, seat: Int, width: Int) -> PaneContent {
        var content = PaneContent()
        guard let battle = state.battle, width > 0 else { return content }
        for turn in battle.turns {
            let answer = turn.seats[seat]
            if turn.index > 0 { content.add(StyledLine()) }
            content.add(.lines(promptRows(turn.prompt, width: width)))
            if !answer.reasoning.isEmpty {
                let rows = answer.reasoning.lineCount
                let header = state.reasoningExpanded
                    ? "▾ reasoning (r hides)"
                    : "▸ reasoning, \(rows) line\(rows == 1 ? "" : "s") (r)"
                content.add(StyledLine(header.truncated(toWidth: width), slot: .reasoningHeader))
                if state.reasoningExpanded { content.add(.document(answer.reasoning)) }
                if !answer.answer.isEmpty { content.add(StyledLine()) }
            }
            content.add(.document(answer.answer))
            content.addCursorAndState(answer, phase: battle.phase(turn: turn.index, seat: seat), width: width,
                                      battle: battle, state: state)
        }
        return content
    }

    /// Rows shown for a turn's prompt above its answers: `› ` and the prompt (its lines joined by
    /// spaces), wrapped, at most `promptRowLimit` rows; a cut prompt ends with `…`.
    public static func promptRows(_ prompt: String, width: Int) -> [StyledLine] {
        let joined = prompt.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let paragraph = StyledParagraph(firstPrefix: MarkdownStyler.glyphs("› ", slot: .turnPrompt),
                                        continuationPrefix: MarkdownStyler.glyphs("  ", slot: .turnPrompt),
                                        body: MarkdownStyler.glyphs(MarkdownStyler.sanitized(joined[...]), slot: .turnPrompt))
        var rows = TextWrapper.wrap(paragraph, width: width)
        guard rows.count > promptRowLimit else { return rows }
        rows.removeLast(rows.count - promptRowLimit)
        var last = rows[promptRowLimit - 1].glyphs
        while !last.isEmpty, TextWrapper.prefixWidth(last) + 1 > width { last.removeLast() }
        rows[promptRowLimit - 1] = StyledLine(last + [Glyph("…", slot: .turnPrompt)])
        return rows
    }

    static let promptRowLimit = 3

    private mutating func addCursorAndState(_ answer: SeatView, phase: SeatPhase, width: Int, battle: ScreenBattle,
                                            state: ScreenState) {
        switch phase {
        case .waiting:
            addCursorLine("waiting for the first token", width: width)
        case .retrying(let attempt, let delay):
            let seconds = delay < 10 ? String(Int(delay * 10) / 10) + "." + String(Int(delay * 10) % 10) : String(Int(delay))
            addCursorLine("retrying (attempt \(attempt)) in \(seconds) s", width: width)
        case .streaming:
            let lastWidth = count > 0 && !answer.answer.isEmpty ? line(count - 1).width : width
            if answer.answer.isEmpty {
                cursor = (count, 0)
                add(StyledLine())
            } else if lastWidth < width {
                cursor = (count - 1, lastWidth)
            } else {
                cursor = (count, 0)
                add(StyledLine())
            }
        case .finished(let reason):
            if answer.answer.isEmpty, reason == .stop { addNote("∅ empty answer", slot: .stateCancelled, width: width) }
            switch reason {
            case .length: addNote("… cut at the token limit", slot: .stateCancelled, width: width)
            case .contentFilter: addNote("⊘ stopped by a content filter", slot: .stateCancelled, width: width)
            case .truncated: addNote("… the stream ended early: the answer may be incomplete", slot: .stateCancelled, width: width)
            case .toolCalls: addNote("… the model asked to call a tool", slot: .stateCancelled, width: width)
            case .stop, .cancelled, .error: break
            }
        case .failed(let message):
            let shown = battle.revealed ? message : state.leakGuard.redacted(message, hiding: battle.wordsToHide)
            addNote("✗ error: " + shown, slot: .stateError, width: width)
        case .cancelled:
            addNote("⊘ cancelled", slot: .stateCancelled, width: width)
        }
    }

    private mutating func addCursorLine(_ text: String, width: Int) {
        let shown = text.truncated(toWidth: max(0, width - 2))
        cursor = (count, DisplayWidth.of(shown) + 1)
        add(StyledLine(shown, slot: .stateWaiting))
    }

    private mutating func addNote(_ text: String, slot: ThemeSlot, width: Int) {
        let paragraph = StyledParagraph(body: MarkdownStyler.glyphs(MarkdownStyler.sanitized(text[...]), slot: slot))
        add(.lines(TextWrapper.wrap(paragraph, width: width)))
    }
}
