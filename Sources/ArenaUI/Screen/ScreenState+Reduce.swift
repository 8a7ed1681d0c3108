import ArenaCore

extension ScreenState {
    /// The one place state changes. Returns what the run loop must do.
    @discardableResult
    public mutating func handle(_ event: ScreenEvent) -> [ScreenEffect] {
        switch event {
        case .tick(let elapsed):
            return tick(elapsed)
        case .stream(let turn, let seat, let streamEvent):
            applyStream(turn: turn, seat: seat, event: streamEvent)
            return []
        default:
            needsRedraw = true
        }
        switch event {
        case .key(let press):
            return handleKey(press)
        case .paste(let text):
            if phase == .composing || phase == .preparing { editor.insert(text) }
            return []
        case .mouse(let mouse):
            handleMouse(mouse)
            return []
        case .resize(let width, let height):
            let widthChanged = max(0, width) != size.width
            size = TerminalSize(width: max(0, width), height: max(0, height))
            // An open leaderboard is laid out for the old width: lay it out again.
            if widthChanged, overlay?.title == "Leaderboard" { return [.showLeaderboard(width: max(size.width - 6, 20))] }
            return []
        case .turnEnded(let turn):
            endTurn(turn)
            return []
        case .battleReady(let setup):
            return showBattle(setup)
        case .undone(let undone):
            guard let undone else {
                awaitingBattle = false
                showToast("Nothing to undo", isError: true)
                return []
            }
            if let count = undone.verdictCount { store.verdictCount = count }
            let effects = showBattle(undone.setup)
            showToast("Undone: judge this comparison again")
            return effects

        case .adequacyMarked(let seat, let adequate, let error):
            if let error {
                showToast("Mark not saved: \(error)", isError: true)
            } else {
                adequacy[seat] = adequate
                showToast("\(ScreenBattle.label(seat)) marked \(adequate ? "adequate" : "inadequate")")
            }
            return []
        case .battleFailed(let message):
            awaitingBattle = false
            battleError = message
            return []
        case .leaderboardReady(let lines):
            if overlay?.title == "Leaderboard" { overlay = TextOverlay(title: "Leaderboard", lines: lines) }
            return []
        case .verdictSaved(let turn, let receipt):
            receiveVerdict(turn: turn, receipt: receipt)
            // Judge mode moves straight on to the next comparison, names unrevealed.
            return judgeMode && receipt.saveError == nil ? requestNewBattle() : []
        case .quitRequested:
            return quit()
        case .tick, .stream:
            return []
        }
    }

    mutating func tick(_ elapsed: Duration) -> [ScreenEffect] {
        now = elapsed
        if let toast, toast.expires <= now {
            self.toast = nil
            needsRedraw = true
        }
        if let armed = quitArmedUntil, armed <= now {
            quitArmedUntil = nil
        }
        return []
    }

    mutating func applyStream(turn: Int, seat: Int, event: StreamEvent) {
        guard let current = battle?.currentTurn, current.index == turn, seat >= 0, seat < current.seats.count,
              !current.seats[seat].phase.isComplete else { return }
        let leakGuard = self.leakGuard
        battle?.turns[turn].seats[seat].apply(event, guard: leakGuard)
        needsRedraw = true
        if battle?.currentTurn?.isComplete == true { turnCompleted() }
    }

    mutating func endTurn(_ turn: Int) {
        guard let current = battle?.currentTurn, current.index == turn, !current.isComplete else { return }
        let leakGuard = self.leakGuard
        for seat in current.seats.indices {
            battle?.turns[turn].seats[seat].endWithoutResult(guard: leakGuard)
        }
        turnCompleted()
    }

    mutating func turnCompleted() {
        guard let turn = battle?.currentTurn else { return }
        if turn.verdict == nil {
            if turn.seats.allSatisfy({ !$0.canWin }) {
                showToast("No answer can win (failed, cancelled or empty): vote t, x or s", isError: true)
            }
        }
    }

    /// A new battle on screen; a preset prompt (judge mode) is sent at once.
    mutating func showBattle(_ setup: BattleSetup) -> [ScreenEffect] {
        startBattle(setup)
        guard let preset = setup.presetPrompt else { return [] }
        editor.clear()
        editor.insert(preset)
        return sendPrompt()
    }

    mutating func startBattle(_ setup: BattleSetup) {
        awaitingBattle = false
        battleError = nil
        let count = min(8, setup.modelNames.count)
        var trimmed = setup
        trimmed.modelNames = Array(setup.modelNames.prefix(count))
        battle = ScreenBattle(setup: trimmed)
        scroll = Array(repeating: PaneScroll(), count: count)
        focusedSeat = 0
        zoomed = false
        savingVerdict = false
        adequacy = [:]
        rankingDraft = RankingDraft()
    }

    /// Sends the prompt in the editor as the next turn.
    mutating func sendPrompt() -> [ScreenEffect] {
        switch phase {
        case .preparing:
            showToast(battleError == nil ? "Seats are not ready yet" : "No battle: press n to try again", isError: true)
            return []
        case .streaming:
            showToast("Still streaming: wait, or Esc to cancel")
            return []
        case .voting, .saving:
            showToast("Vote first (or s to skip)")
            return []
        case .composing:
            break
        }
        guard let battle, !editor.text.trimmingWhitespace().isEmpty else { return [] }
        if judgeMode, !battle.turns.isEmpty {
            showToast("Judging compares stored answers: no follow-ups")
            return []
        }
        let prompt = editor.take()
        let index = battle.turns.count
        let request = TurnRequest(battleID: battle.setup.battleID, turn: index, prompt: prompt,
                                  conversations: battle.conversations(adding: prompt))
        self.battle?.turns.append(ScreenTurn(index: index, prompt: prompt, seatCount: battle.seatCount,
                                             isBlind: !battle.revealed))
        for seat in scroll.indices { scroll[seat].follow = true }
        return [.startTurn(request)]
    }

    /// Esc / first Ctrl-C while streaming.
    mutating func cancelStreaming() -> [ScreenEffect] {
        guard phase == .streaming, let turn = battle?.currentTurn else { return [] }
        let leakGuard = self.leakGuard
        for seat in turn.seats.indices {
            battle?.turns[turn.index].seats[seat].cancel(guard: leakGuard)
        }
        showToast("Cancelled: vote, or s to skip")
        return [.cancelStreams]
    }

    mutating func requestNewBattle() -> [ScreenEffect] {
        guard phase != .streaming, phase != .saving else { return [] }
        guard !awaitingBattle else { return [] }
        awaitingBattle = true
        battleError = nil
        if battle != nil { showToast("Shuffling new seats…") }
        return [.newBattle]
    }

    mutating func quit() -> [ScreenEffect] {
        guard !hasQuit else { return [] }
        hasQuit = true
        return phase == .streaming ? [.cancelStreams, .quit] : [.quit]
    }
}

extension ScreenState {
    /// Effects to perform when the screen opens: shuffle the first battle.
    public mutating func start() -> [ScreenEffect] {
        requestNewBattle()
    }

    /// The run loop drew the current state.
    public mutating func markDrawn() { needsRedraw = false }
}
