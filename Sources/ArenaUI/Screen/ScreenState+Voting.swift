extension ScreenState {
    /// A vote: `seat(i)`, a ranking (Enter in a 3+ seat vote), tie, both bad or skip. Only in the
    /// voting phase; it drops any ranking being typed.
    mutating func vote(_ choice: VerdictChoice) -> [ScreenEffect] {
        guard phase == .voting, let battle, let turn = battle.currentTurn else { return [] }
        for seat in choice.verdict.seatsThatMustHaveAnswered {
            guard seat < battle.seatCount else {
                showToast("There is no seat \(ScreenBattle.label(seat))", isError: true)
                return []
            }
            if let reason = battle.cannotWinReason(seat: seat) {
                // Seat keys refuse such a seat already; this guards choices made any other way.
                let advice = if case .ranking = choice { "cannot be ranked: leave it out, or t, x, s" }
                             else { "cannot win: pick another, t, x or s" }
                showToast("\(ScreenBattle.label(seat)) \(reason), so it \(advice)", isError: true)
                return []
            }
        }
        rankingDraft = RankingDraft()
        self.battle?.turns[turn.index].verdict = choice
        savingVerdict = true
        return [.saveVerdict(VerdictSubmission(battle: battle.battle, turn: turn.index, choice: choice, isBlind: !battle.revealed,
                                               votedAt: wallClockNow))]
    }

    mutating func receiveVerdict(turn index: Int, receipt: VerdictReceipt) {
        guard let battle, index < battle.turns.count else { return }
        savingVerdict = false
        if let count = receipt.verdictCount { store.verdictCount = count }
        let turn = battle.turns[index]
        let skipped = turn.verdict == .skip
        if judgeMode {
            if let error = receipt.saveError { showToast("Verdict not saved: \(error)", isError: true, seconds: 8) }
            else { showToast(skipped ? "Skipped" : "Saved · next comparison") }
            return
        }
        if !skipped {
            var reveals = receipt.reveals
            if reveals.count < battle.seatCount {
                reveals += battle.modelNames.dropFirst(reveals.count).map { SeatReveal(modelName: $0) }
            }
            self.battle?.turns[index].reveals = reveals
            self.battle?.revealed = true
        }
        if let error = receipt.saveError {
            showToast("Verdict not saved: \(error)", isError: true, seconds: 8)
        } else if !turn.leaks.isEmpty, turn.isBlind, !skipped {
            let names = turn.leaks.map { "\(ScreenBattle.label($0.seat)) said “\($0.words.joined(separator: "”, “"))”" }
            let flag = receipt.leakedWords.isEmpty ? "" : " Verdict flagged."
            showToast("Identity leak: \(names.joined(separator: "; ")).\(flag)", isError: true, seconds: 8)
        } else {
            showToast(skipped ? "Skipped: names stay hidden" : "Verdict saved")
        }
    }

    /// Judge mode with nothing left to judge: `q` quits at once, `u` still undoes.
    var judgingDone: Bool { judgeMode && battleError != nil && !awaitingBattle && (phase == .composing || phase == .preparing) }

    /// The text shown in the verdict bar for the current phase.
    var verdictHint: [(text: String, isKey: Bool)] {
        if phase == .voting, !rankingDraft.isEmpty { return rankingHint }
        if judgeMode, let caption = battle?.caption, phase == .voting || phase == .saving {
            var parts: [(String, Bool)] = [("1-\(seatCount)", true), (votesByRanking ? " rank (Enter saves) " : " wins ", false),
                                           ("t", true), ("/", false), ("x", true), ("/", false), ("s", true), ("  ", false),
                                           ("+", true), ("/", false), ("-", true), (" adequate  ", false), ("u", true), (" undo  ", false)]
            let marks = adequacy.keys.sorted().map { "\(ScreenBattle.label($0))\(adequacy[$0]! ? "✓" : "✗")" }
            if !marks.isEmpty { parts.append((marks.joined(separator: " ") + "  ", false)) }
            parts.append((caption, false))
            if let notes = battle?.notes {
                parts += [("  ", false), ("i", true), (" notes: " + notes.split(whereSeparator: \.isNewline).joined(separator: " "), false)]
            }
            return parts
        }
        if judgingDone, let battleError {
            return [("Done: \(battleError)  ", false), ("u", true), (" undo  ", false), ("q", true), (" quit", false)]
        }
        if judgeMode, phase == .composing, battle?.currentTurn != nil {
            return [("Loading the next comparison…", false)]
        }
        switch phase {
        case .preparing:
            if let battleError { return [("No battle: \(battleError)  ", false), ("n", true), (" retry", false)] }
            return [("Shuffling seats…", false)]
        case .streaming:
            return [("Streaming  ", false), ("Esc", true), (" cancel  ", false), ("Tab", true), (" focus  ", false),
                    ("z", true), (" zoom", false)]
        case .voting:
            let count = seatCount
            let last = ScreenBattle.label(count - 1).lowercased()
            let blind = battle?.currentTurn?.isBlind ?? true
            return [(blind ? "Vote: " : "Vote (names known, not blind): ", false), ("1-\(count)", true), ("/", false),
                    ("a-\(last)", true), (votesByRanking ? " rank (Enter saves)  " : " wins  ", false), ("t", true), (" tie  ", false),
                    ("x", true), (" both bad  ", false), ("s", true), (" skip", false)]
        case .saving:
            return [("Saving the verdict…", false)]
        case .composing:
            guard let turn = battle?.currentTurn else {
                return [("Type a prompt  ", false), ("Enter", true), (" send  ", false), ("Ctrl-J", true),
                        (" newline  ", false), ("?", true), (" keys", false)]
            }
            var parts: [(String, Bool)] = []
            if turn.isBlind, !turn.leaks.isEmpty, turn.verdict != .skip {
                parts.append(("⚠ identity leaked · ", false))
            }
            parts += [("Follow-up: type  ", false), ("nn", true), (" new battle  ", false), ("qq", true), (" quit", false)]
            return parts
        }
    }
}
