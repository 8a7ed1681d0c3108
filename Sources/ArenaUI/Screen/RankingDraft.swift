import ArenaCore

/// A ranking vote being typed in a battle of 3+ seats: seat keys best → worst, `=` between two
/// keys for "equally good". View state only — Enter turns it into a `SeatRanking` and a vote.
///
/// ```swift
/// var draft = RankingDraft()
/// draft.place(2); draft.place(0); draft.joinNext(); draft.place(3)   // c a=d
/// draft.text                                                          // "C > A = D"
/// draft.rankLabel(for: 3, seatCount: 4)                              // "=2nd"
/// draft.rankLabel(for: 1, seatCount: 4)                              // "3rd": B, left over, is last
/// try draft.ranking(seatCount: 4)?.code                               // "C>A=D>B": B is implied
/// ```
///
/// Traps: ranks count groups, not seats (`C > A = D > B` is 1st, =2nd, =2nd, 3rd), as
/// `SeatRanking.rank(of:)` does. A dangling `=` (`joining`) is not part of `groups`; `ranking`
/// ignores it, so callers decide whether Enter may save with one.
struct RankingDraft: Sendable, Equatable {
    /// Seats placed so far, best group first; no empty group, no seat twice.
    private(set) var groups: [[Int]] = []
    /// `=` was pressed after the last seat: the next seat joins its group.
    private(set) var joining = false

    var isEmpty: Bool { groups.isEmpty }
    var placedCount: Int { groups.reduce(0) { $0 + $1.count } }

    func contains(_ seat: Int) -> Bool { groups.contains { $0.contains(seat) } }

    /// Puts `seat` below every seat placed so far (or beside the last one after `=`). False, and
    /// nothing changes, when the seat is already placed.
    @discardableResult
    mutating func place(_ seat: Int) -> Bool {
        guard !contains(seat) else { return false }
        if joining, !groups.isEmpty {
            groups[groups.count - 1].append(seat)
        } else {
            groups.append([seat])
        }
        joining = false
        return true
    }

    /// `=`: the next seat placed is as good as the last one. False when no seat is placed yet or
    /// an `=` is already waiting.
    @discardableResult
    mutating func joinNext() -> Bool {
        guard !groups.isEmpty, !joining else { return false }
        joining = true
        return true
    }

    /// Backspace: takes back a dangling `=`, else the last seat placed.
    mutating func removeLast() {
        if joining {
            joining = false
            return
        }
        guard !groups.isEmpty else { return }
        groups[groups.count - 1].removeLast()
        if groups[groups.count - 1].isEmpty { groups.removeLast() }
    }

    /// The ranking typed so far (nil when empty). `SeatRanking` adds the one seat left unranked
    /// as the last group, so `c a d` in four seats is `C>A>D>B`.
    func ranking(seatCount: Int) throws(SeatRanking.ParseError) -> SeatRanking? {
        guard !groups.isEmpty else { return nil }
        return try SeatRanking(groups: groups, seatCount: seatCount)
    }

    /// What Enter would save, as groups: the placed seats and, when exactly one seat is left (and
    /// no `=` waits for it), that seat last — as `SeatRanking` adds it.
    func shownGroups(seatCount: Int) -> [[Int]] {
        let rest = (0..<seatCount).filter { !contains($0) }
        guard !joining, !groups.isEmpty, rest.count == 1 else { return groups }
        return groups + [rest]
    }

    /// The rank (0 = best) of a placed seat (or the implied last one); seats of one group share it.
    func rank(of seat: Int, seatCount: Int) -> Int? {
        shownGroups(seatCount: seatCount).firstIndex { $0.contains(seat) }
    }

    /// "1st", "2nd", "=2nd" (a group of equals) … for a placed seat, or the one seat left when it
    /// is implied last; nil for a seat not ranked.
    func rankLabel(for seat: Int, seatCount: Int) -> String? {
        Self.rankLabel(for: seat, groups: shownGroups(seatCount: seatCount))
    }

    /// The draft as the verdict bar shows it: `C > A = D`, with a trailing ` =` while joining.
    var text: String {
        let body = groups.map { $0.map(ScreenBattle.label).joined(separator: " = ") }.joined(separator: " > ")
        return joining ? body + " =" : body
    }

    /// The rank label of `seat` in `groups` (a draft's or a saved `SeatRanking`'s).
    static func rankLabel(for seat: Int, groups: [[Int]]) -> String? {
        guard let rank = groups.firstIndex(where: { $0.contains(seat) }) else { return nil }
        return (groups[rank].count > 1 ? "=" : "") + ordinal(rank + 1)
    }

    /// 1st, 2nd, 3rd, 4th … 11th, 12th.
    static func ordinal(_ number: Int) -> String {
        switch number % 10 {
        case 1 where number % 100 != 11: return "\(number)st"
        case 2 where number % 100 != 12: return "\(number)nd"
        case 3 where number % 100 != 13: return "\(number)rd"
        default: return "\(number)th"
        }
    }
}
