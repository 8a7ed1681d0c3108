extension ScreenState {
    mutating func handleKey(_ press: KeyPress) -> [ScreenEffect] {
        if press.key == .control("c") {
            pendingCommand = nil
            return controlC()
        }
        quitArmedUntil = nil
        if let pending = pendingCommand {
            pendingCommand = nil
            switch press.key {
            case .character(pending) where !press.alt:
                return pending == "q" ? quit() : pending == "l" ? showLeaderboard() : requestNewBattle()
            case .escape, .backspace:
                return []
            default:
                editor.insert(character: pending)
            }
        }
        if helpVisible || overlay != nil {
            helpVisible = false
            overlay = nil
            return []
        }
        if let effects = rankingKey(press) { return effects }
        switch press.key {
        case .escape:
            if phase == .streaming { return cancelStreaming() }
            if zoomed { zoomed = false }
            return []
        case .tab:
            moveFocus(by: 1)
            return []
        case .backTab:
            moveFocus(by: -1)
            return []
        case .pageUp:
            scrollFocused(.pageUp)
            return []
        case .pageDown:
            scrollFocused(.pageDown)
            return []
        case .function(1):
            helpVisible = true
            return []
        case .control("l"):
            fullRedrawRequested = true
            return []
        default:
            break
        }
        if phase == .voting, let choice = Self.voteChoice(for: press) {
            return vote(choice)
        }
        if commandKeysActive, let effects = command(press) {
            return effects
        }
        switch phase {
        case .composing, .preparing:
            // Judging has no prompt to type: a key pressed while the next comparison loads is not
            // kept as text (it would end up in front of the stored prompt).
            if judgeMode {
                if case .character = press.key, !judgingDone { showToast("Loading the next comparison…") }
                return []
            }
            return editKey(press)
        case .streaming, .voting, .saving:
            switch press.key {
            case .up: scrollFocused(.lineUp)
            case .down: scrollFocused(.lineDown)
            case .enter: return sendPrompt()
            case .character:
                if phase == .voting {
                    let seats = "1-\(seatCount) or a-\(ScreenBattle.label(seatCount - 1).lowercased())"
                    showToast(votesByRanking ? "Vote first: rank with \(seats) (Enter saves), or t, x, s"
                                             : "Vote first: \(seats), t, x, s")
                }
            default: break
            }
            return []
        }
    }

    /// Single-key commands (when the prompt is empty or locked). Nil: not a command here.
    mutating func command(_ press: KeyPress) -> [ScreenEffect]? {
        guard !press.alt else { return nil }
        switch press.key {
        case .character("q"):
            if phase == .streaming {
                showToast("Streaming: Esc cancels, Ctrl-C twice quits")
                return []
            }
            if (phase == .composing || phase == .preparing) && !judgingDone {
                pendingCommand = "q"
                return []
            }
            return quit()
        case .character("n"):
            if phase == .streaming { return [] }
            if phase == .composing {
                pendingCommand = "n"
                return []
            }
            return requestNewBattle()
        case .character("+"), .character("="), .character("-"):
            guard judgeMode, let battle, phase == .voting || phase == .streaming else { return nil }
            if case .character(let key) = press.key {
                return [.markAdequacy(battleID: battle.battleID, seat: focusedSeat, adequate: key != "-")]
            }
            return nil
        case .character("u"):
            guard judgeMode, phase != .streaming, phase != .saving else { return nil }
            awaitingBattle = true
            return [.undo]
        case .character("l"):
            if phase == .composing || phase == .preparing {
                pendingCommand = "l"
                return []
            }
            return showLeaderboard()
        case .character("z"):
            guard seatCount > 0 else { return nil }
            zoomed.toggle()
            return []
        case .character("r"):
            reasoningExpanded.toggle()
            let any = battle?.turns.contains { $0.seats.contains { !$0.reasoning.isEmpty } } ?? false
            showToast(any ? (reasoningExpanded ? "Reasoning shown" : "Reasoning hidden (r shows)")
                          : "No reasoning in these answers (r shows it when a model sends some)")
            return []
        case .character("i"):
            guard judgeMode, let battle else { return nil }
            overlay = TextOverlay(title: "Prompt and notes", lines: promptAndNotesLines(battle))
            return []
        case .character("?"):
            helpVisible = true
            return []
        case .home:
            scrollFocused(.top)
            return []
        case .end:
            scrollFocused(.bottom)
            return []
        default:
            return nil
        }
    }

    static func voteChoice(for press: KeyPress) -> VerdictChoice? {
        guard !press.alt, case .character(let character) = press.key,
              let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar {
        case "1"..."8": return .seat(Int(scalar.value) - 49)
        case "a"..."h": return .seat(Int(scalar.value) - 97)
        case "A"..."H": return .seat(Int(scalar.value) - 65)
        case "t", "T": return .tie
        case "x", "X": return .bothBad
        case "s", "S": return .skip
        default: return nil
        }
    }

    mutating func editKey(_ press: KeyPress) -> [ScreenEffect] {
        switch press.key {
        case .character(let character):
            editor.insert(character: character)
        case .enter:
            if press.alt { editor.insertNewline() } else { return sendPrompt() }
        case .control("j"):
            editor.insertNewline()
        case .backspace:
            editor.backspace()
        case .delete, .control("d"):
            editor.deleteForward()
        case .left, .control("b"):
            editor.moveLeft()
        case .right, .control("f"):
            editor.moveRight()
        case .home, .control("a"):
            editor.moveToLineStart()
        case .end, .control("e"):
            editor.moveToLineEnd()
        case .up, .control("p"):
            editor.moveUp()
        case .down, .control("n"):
            editor.moveDown()
        case .control("u"):
            editor.clear()
        case .control("w"):
            editor.deleteWordBackward()
        default:
            break
        }
        return []
    }

    mutating func controlC() -> [ScreenEffect] {
        if let armed = quitArmedUntil, armed > now {
            return quit()
        }
        quitArmedUntil = now + .seconds(3)
        var effects: [ScreenEffect] = []
        if phase == .streaming { effects = cancelStreaming() }
        showToast(effects.isEmpty ? "Press Ctrl-C again to quit" : "Cancelled. Press Ctrl-C again to quit")
        return effects
    }

    mutating func moveFocus(by step: Int) {
        guard seatCount > 0 else { return }
        focusedSeat = (focusedSeat + step + seatCount) % seatCount
    }

    mutating func handleMouse(_ mouse: MouseEvent) {
        let layout = self.layout
        switch mouse {
        case .press(let x, let y):
            if let strip = layout.seatStrip, strip.contains(x: x, y: y) {
                let seat = (x - strip.x) / SeatStripWidget.cellWidth(stripWidth: strip.width, seats: seatCount)
                if seat < seatCount { focusedSeat = seat }
                return
            }
            if let seat = layout.panes.firstIndex(where: { $0.contains(x: x, y: y) }) { focusedSeat = seat }
        case .wheelUp(let x, let y), .wheelDown(let x, let y):
            guard let seat = layout.panes.firstIndex(where: { $0.contains(x: x, y: y) }) else { return }
            if case .wheelUp = mouse { scroll(seat: seat, .lines(-3)) } else { scroll(seat: seat, .lines(3)) }
        }
    }

    /// `i` in judge mode: the whole prompt and the suite's notes for the judge, wrapped to the box.
    func promptAndNotesLines(_ battle: ScreenBattle) -> [String] {
        let width = max(20, size.width - 8)
        func wrapped(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                TextWrapper.wrap(MarkdownStyler.plain(line, slot: .text), width: width).map(\.text)
            }
        }
        var lines = ["Prompt:"] + wrapped(battle.currentTurn?.prompt ?? "")
        if let caption = battle.caption { lines = [caption, ""] + lines }
        if let notes = battle.notes { lines += ["", "Notes for the judge:"] + wrapped(notes) }
        return lines
    }

    /// `l`: open the leaderboard box; the environment fills it in.
    mutating func showLeaderboard() -> [ScreenEffect] {
        overlay = TextOverlay(title: "Leaderboard", lines: ["computing…"])
        return [.showLeaderboard(width: max(size.width - 6, 20))]
    }
}
