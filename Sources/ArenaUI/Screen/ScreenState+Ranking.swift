import ArenaCore

extension ScreenState {
    /// Battles of 3+ seats vote by ranking: seat keys build `rankingDraft`, Enter saves it.
    /// Two seats keep the one-key vote.
    var votesByRanking: Bool { seatCount >= 3 }

    /// Keys of the ranking vote (seat keys, `=`, Enter, Backspace, Esc while a ranking is being
    /// typed). Nil: not a ranking key here, handle it as usual — `t`, `x`, `s` then vote at once
    /// and `vote(_:)` drops the draft; outside a draft `=` keeps its judge-mode meaning.
    mutating func rankingKey(_ press: KeyPress) -> [ScreenEffect]? {
        guard phase == .voting, votesByRanking, !press.alt else { return nil }
        if case .seat(let seat) = Self.voteChoice(for: press) {
            placeInRanking(seat)
            return []
        }
        guard !rankingDraft.isEmpty else { return nil }
        switch press.key {
        case .enter:
            return saveRanking()
        case .backspace:
            rankingDraft.removeLast()
            return []
        case .escape:
            rankingDraft = RankingDraft()
            showToast("Ranking cleared")
            return []
        case .character("="):
            if !rankingDraft.joinNext() { showToast("'=' goes between two seats: press a seat now") }
            return []
        case .character(" "), .character(">"):
            return []       // `c a=d b` and `c>a` type as written: the separators change nothing
        default:
            return nil
        }
    }

    /// A seat key in a 3+ seat vote: that seat goes below the ones placed (beside the last after `=`).
    mutating func placeInRanking(_ seat: Int) {
        guard let battle, battle.currentTurn != nil, seat < seatCount else {
            showToast("There is no seat \(ScreenBattle.label(seat))", isError: true)
            return
        }
        if rankingDraft.contains(seat), let rank = rankingDraft.rankLabel(for: seat, seatCount: seatCount) {
            showToast("\(ScreenBattle.label(seat)) is already \(rank): Backspace takes back the last seat", isError: true)
            return
        }
        if let reason = battle.cannotWinReason(seat: seat) {
            showToast("\(ScreenBattle.label(seat)) \(reason), so it cannot win: pick another, t, x or s", isError: true)
            return
        }
        rankingDraft.place(seat)
    }

    /// Enter with a draft: the ranking as a vote — a winner alone is `.seat`, all equal `.tie`.
    mutating func saveRanking() -> [ScreenEffect] {
        guard !rankingDraft.joining else {
            showToast("'=' needs a seat after it (Backspace takes it back)", isError: true)
            return []
        }
        do {
            guard let ranking = try rankingDraft.ranking(seatCount: seatCount) else { return [] }
            return vote(VerdictChoice(ranking))
        } catch {
            showToast("Ranking not saved: \(error.description)", isError: true)
            return []
        }
    }

    /// The verdict bar while a ranking is typed: `Ranking: C > A = D …  Enter save  Backspace undo  Esc leave`.
    var rankingHint: [(text: String, isKey: Bool)] {
        var shown = rankingDraft.text
        let rest = (0..<seatCount).filter { !rankingDraft.contains($0) }
        if rankingDraft.joining {
            shown += " …"
        } else if rest.count == 1 {
            shown += " > " + ScreenBattle.label(rest[0])       // implied: the one left is last
        } else if !rest.isEmpty {
            shown += " > …"
        }
        return [("Ranking: ", false), (shown, true), ("  ", false), ("Enter", true), (" save  ", false),
                ("Backspace", true), (" undo  ", false), ("Esc", true), (" leave", false)]
    }
}
