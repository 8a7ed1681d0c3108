/// Paints one seat's pane: a border (heavy when focused) titled with the blind label and state
/// (and its rank while a ranking vote is typed: ` 1st `, ` =2nd `), after the vote with the model
/// name, verdict (` ★ winner `, or the saved rank) and stats; the visible rows; a scroll hint.
public enum PaneWidget {
    static let light = BoxChars(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                bottomLeft: "╰", bottomRight: "╯")
    static let heavy = BoxChars(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                bottomLeft: "┗", bottomRight: "┛")

    public static func paint(into grid: inout CellGrid, rect: Rect, seat: Int, state: ScreenState, bordered: Bool) {
        guard !rect.isEmpty, let battle = state.battle else { return }
        let theme = state.theme
        let focused = seat == state.focusedSeat
        let inner = bordered ? rect.inset(by: 1) : rect
        grid.fill(rect, style: theme[.text])
        if bordered {
            (focused ? heavy : light).draw(into: &grid, rect: rect, style: theme[focused ? .paneBorderFocused : .paneBorder])
            paintTitle(into: &grid, rect: rect, seat: seat, battle: battle, state: state, focused: focused)
        }
        guard !inner.isEmpty else { return }
        let pinned = pinnedRows(state: state, seat: seat, width: inner.width, height: inner.height)
        for (offset, row) in pinned.enumerated() {
            row.paint(into: &grid, x: inner.x, y: inner.y + offset, theme: theme, clip: inner)
        }
        let area = Rect(x: inner.x, y: inner.y + pinned.count, width: inner.width, height: inner.height - pinned.count)
        let content = PaneContent.build(state: state, seat: seat, width: area.width)
        let top = state.visibleTop(seat: seat, total: content.count, height: area.height)
        for offset in 0..<area.height {
            let row = top + offset
            guard row < content.count else { break }
            content.line(row).paint(into: &grid, x: area.x, y: area.y + offset, theme: theme, clip: area)
        }
        if let cursor = content.cursor, cursor.row >= top, cursor.row < top + area.height {
            grid.put("▌", x: area.x + min(cursor.column, area.width - 1), y: area.y + cursor.row - top,
                     style: theme[.cursor], clip: area)
        }
        if bordered {
            paintFooter(into: &grid, rect: rect, state: state, above: top,
                        below: max(0, content.count - top - area.height))
        }
    }

    /// Rows pinned above the text once the current turn is voted: a leak warning and the turn's
    /// stats (at most 2 rows, none when the pane is too short).
    public static func pinnedRows(state: ScreenState, seat: Int, width: Int, height: Int) -> [StyledLine] {
        guard let battle = state.battle, height >= 5, width > 0,
              let turn = battle.currentTurn, let reveals = turn.reveals,
              seat < reveals.count else { return [] }
        var rows: [StyledLine] = []
        if turn.isBlind, !turn.leakWords(seat: seat).isEmpty {
            let text = "⚠ identity leak: said " + turn.leakWords(seat: seat).joined(separator: ", ")
            rows.append(StyledLine(text.truncated(toWidth: width), slot: .leakWarning))
        }
        var current = ""
        for part in RevealFormatter.parts(reveals[seat]) {
            let candidate = current.isEmpty ? part : current + " · " + part
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                rows.append(StyledLine(current.truncated(toWidth: width), slot: .revealStats))
                current = part
            }
        }
        if !current.isEmpty { rows.append(StyledLine(current.truncated(toWidth: width), slot: .revealStats)) }
        return Array(rows.prefix(height >= 8 ? 3 : 2))
    }

    /// The part of a pane that scrolls: inside the border, below the pinned rows.
    public static func scrollArea(state: ScreenState, seat: Int) -> Rect {
        let inner = state.layout.inner(seat)
        let pinned = pinnedRows(state: state, seat: seat, width: inner.width, height: inner.height).count
        return Rect(x: inner.x, y: inner.y + pinned, width: inner.width, height: inner.height - pinned)
    }

    static func stateGlyph(_ phase: SeatPhase) -> String {
        switch phase {
        case .waiting: return "…"
        case .retrying: return "↻"
        case .streaming: return "▸"
        case .finished(let reason): return reason == .stop ? "✓" : "!"
        case .failed: return "✗"
        case .cancelled: return "⊘"
        }
    }

    static func stateWord(_ phase: SeatPhase) -> (String, ThemeSlot) {
        switch phase {
        case .waiting: return ("waiting", .stateWaiting)
        case .retrying: return ("retrying", .stateWaiting)
        case .streaming: return ("streaming", .stateStreaming)
        case .finished(let reason):
            switch reason {
            case .stop: return ("done", .stateDone)
            case .length: return ("done: token limit", .stateCancelled)
            case .truncated: return ("done: incomplete?", .stateCancelled)
            case .contentFilter: return ("done: filtered", .stateCancelled)
            default: return ("done", .stateDone)
            }
        case .failed: return ("error", .stateError)
        case .cancelled: return ("cancelled", .stateCancelled)
        }
    }

    static func paintTitle(into grid: inout CellGrid, rect: Rect, seat: Int, battle: ScreenBattle, state: ScreenState,
                           focused: Bool) {
        let theme = state.theme
        let clip = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
        var x = rect.x + 1
        x += grid.write(" \(ScreenBattle.label(seat)) ", x: x, y: rect.y, style: theme[focused ? .paneTitleFocused : .paneTitle], clip: clip)
        guard let turn = battle.currentTurn else {
            if battle.revealed {
                grid.write(" \(battle.modelNames[seat]) ", x: x, y: rect.y, style: theme[.revealName], clip: clip)
            }
            return
        }
        if state.phase == .voting, let rank = state.rankingDraft.rankLabel(for: seat, seatCount: battle.seatCount) {
            // The ranking being typed: only the rank, nothing that names the seat.
            x += grid.write(" \(rank) ", x: x, y: rect.y, style: theme[.winner], clip: clip)
        }
        if turn.reveals != nil, let verdict = turn.verdict {
            let mark: String? = switch verdict {
            case .seat(let winner): winner == seat ? " ★ winner " : nil
            case .ranking(let ranking): RankingDraft.rankLabel(for: seat, groups: ranking.groups).map { " \($0) " }
            case .tie: " = tie "
            case .bothBad: " ✗ both bad "
            case .skip: nil
            }
            if let mark { x += grid.write(mark, x: x, y: rect.y, style: theme[.winner], clip: clip) }
        }
        if battle.revealed {
            x += grid.write(" \(battle.modelNames[seat]) ", x: x, y: rect.y, style: theme[.revealName], clip: clip)
        }
        let phase = battle.phase(turn: turn.index, seat: seat)
        let (word, slot) = stateWord(phase)
        if turn.reveals == nil || phase != .finished(.stop) {
            grid.write(" \(word) ", x: x + 1, y: rect.y, style: theme[slot], clip: clip)
        }
    }

    static func paintFooter(into grid: inout CellGrid, rect: Rect, state: ScreenState, above: Int, below: Int) {
        let y = rect.maxY - 1
        guard rect.height >= 2 else { return }
        var hint = ""
        if above > 0 { hint += "↑\(above)" }
        if below > 0 { hint += (hint.isEmpty ? "" : " ") + "↓\(below)" }
        guard !hint.isEmpty else { return }
        let text = " \(hint) "
        grid.write(text, x: rect.maxX - 1 - DisplayWidth.of(text), y: y, style: state.theme[.scrollHint],
                   clip: Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1))
    }
}

/// Box-drawing characters for a border.
struct BoxChars {
    var horizontal: Character, vertical: Character
    var topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character

    func draw(into grid: inout CellGrid, rect: Rect, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            grid.put(horizontal, x: x, y: rect.y, style: style)
            grid.put(horizontal, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            grid.put(vertical, x: rect.x, y: y, style: style)
            grid.put(vertical, x: rect.maxX - 1, y: y, style: style)
        }
        grid.put(topLeft, x: rect.x, y: rect.y, style: style)
        grid.put(topRight, x: rect.maxX - 1, y: rect.y, style: style)
        grid.put(bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        grid.put(bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
    }
}
