import ArenaCore
import Foundation

extension ScreenState {
    /// The one place state changes. Returns what the run loop must do.
    @discardableResult
    public mutating func handle(_ event: ScreenEvent) -> [ScreenEffect] {
        switch event {
        case .tick(let elapsed):
            return tick(elapsed)
        case .stream(let turn, let seat, let streamEvent):
            return applyStream(turn: turn, seat: seat, event: streamEvent)
        case .seatTimed(let turn, let seat, let timing):
            battle?.record(timing, turn: turn, seat: seat)
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
            return endTurn(turn)
        case .battleReady(let setup):
            startBattle(setup)
            return []
        case .answersLoaded(let battleID, let turn):
            guard battle?.battleID == battleID, battle?.turns.isEmpty == true else { return [] }
            battle?.load(turn)
            for seat in scroll.indices { scroll[seat].follow = true }
            warnIfNobodyCanWin()
            return []
        case .turnSaved(_, let error):
            if let error { showToast("Answers not saved: \(error)", isError: true, seconds: 8) }
            return []
        case .undone(let undone):
            guard let undone else {
                awaitingBattle = false
                showToast("Nothing to undo", isError: true)
                return []
            }
            if let count = undone.verdictCount { store.verdictCount = count }
            startBattle(undone.setup)
            showToast("Undone: judge this comparison again")
            return []

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
        case .storeLoaded(let details):
            // A saved verdict's count is newer than this one.
            if store.verdictCount == nil { store.verdictCount = details.verdictCount }
            editor.prependHistory(details.promptHistory)
            if let error = details.error { showToast("Store: \(error)", isError: true, seconds: 8) }
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
        case .tick, .stream, .seatTimed:
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

    mutating func applyStream(turn: Int, seat: Int, event: StreamEvent) -> [ScreenEffect] {
        guard battle?.live != nil else { return [] }
        guard battle?.apply(event, turn: turn, seat: seat) == true else { return [] }
        needsRedraw = true
        return battle?.live == nil ? turnCompleted() : []
    }

    mutating func endTurn(_ turn: Int) -> [ScreenEffect] {
        guard let live = battle?.live, live.index == turn else { return [] }
        battle?.endLiveTurn(cancelled: false)
        needsRedraw = true
        return turnCompleted()
    }

    /// The live turn became a stored turn: save it, and say so if no seat can win.
    mutating func turnCompleted() -> [ScreenEffect] {
        guard let battle, let turn = battle.battle.turns.last else { return [] }
        warnIfNobodyCanWin()
        return [.saveTurn(TurnSubmission(battle: battle.battle, turn: turn.index))]
    }

    func nobodyCanWin() -> Bool {
        guard let battle else { return false }
        return (0..<battle.seatCount).allSatisfy { !battle.canWin(seat: $0) }
    }

    mutating func warnIfNobodyCanWin() {
        if battle?.currentTurn?.verdict == nil, nobodyCanWin() {
            showToast("No answer can win (failed, cancelled or empty): vote t, x or s", isError: true)
        }
    }

    mutating func startBattle(_ setup: BattleSetup) {
        awaitingBattle = false
        battleError = nil
        battle = ScreenBattle(setup: setup)
        scroll = Array(repeating: PaneScroll(), count: battle?.seatCount ?? 0)
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
        let date = wallClockNow
        guard let request = self.battle?.begin(prompt: prompt, at: date) else { return [] }
        for seat in scroll.indices { scroll[seat].follow = true }
        return [.startTurn(request)]
    }

    /// Esc / first Ctrl-C while streaming.
    mutating func cancelStreaming() -> [ScreenEffect] {
        guard phase == .streaming, battle?.live != nil else { return [] }
        battle?.endLiveTurn(cancelled: true)
        showToast("Cancelled: vote, or s to skip")
        return [.cancelStreams] + turnCompleted()
    }

    mutating func requestNewBattle() -> [ScreenEffect] {
        guard phase != .streaming, phase != .saving else { return [] }
        guard !awaitingBattle else { return [] }
        awaitingBattle = true
        battleError = nil
        // Judge mode says "Saved · next comparison" itself: this would overwrite it.
        if battle != nil, !judgeMode { showToast("Shuffling new seats…") }
        return [.newBattle]
    }

    mutating func quit() -> [ScreenEffect] {
        guard !hasQuit else { return [] }
        hasQuit = true
        guard phase == .streaming else { return [.quit] }
        // What arrived is kept: the cancelled turn is saved before the screen closes.
        battle?.endLiveTurn(cancelled: true)
        return [.cancelStreams] + turnCompleted() + [.quit]
    }
}

extension ScreenState {
    /// Effects to perform when the screen opens: shuffle the first battle, and read the store's
    /// count and history unless they came with the screen.
    public mutating func start() -> [ScreenEffect] {
        requestNewBattle() + (store.verdictCount == nil ? [.loadStore] : [])
    }

    /// The run loop drew the current state.
    public mutating func markDrawn() { needsRedraw = false }
}
