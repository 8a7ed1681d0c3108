/// One battle of two or more seats, judged as a (possibly partial) ranking with ties.
///
/// ```swift
/// // Models 4 > {7, 9} (tied) > 2, in model indices.
/// let full = try RankedBattle(groups: [[4], [7, 9], [2]])
/// // "3 won, the rest unordered": a single winner among four seats.
/// let winner = try RankedBattle.winner(3, among: [3, 5, 6, 8])   // groups [[3]], unranked [5, 6, 8]
/// // "Top two in this order, above all the rest".
/// let top2 = try RankedBattle(groups: [[1], [0]], unranked: [2, 3, 4])
/// let bad = try RankedBattle.allBad([0, 1, 2])                   // rated as a tie of all three
/// ```
///
/// `groups` run best → worst; models inside one group are "equally good". `unranked` models sit
/// below every ranked group with no order among them. Seats are not kept: every fit here pools
/// seat orders, so the value is normalised (each group and `unranked` sorted, a single unranked
/// model moved into a last group of its own) and identical verdicts compare equal, which is what
/// lets `RankedBattleCounts` aggregate them.
///
/// Traps: `[[a], [b, c]]` (b and c tied at the bottom) is not `[[a]]` with `unranked: [b, c]`
/// (nothing said about b against c) — the first is evidence that b and c are close. `allBad` is
/// kept as a flag for records, but every rating method treats it as a tie of all seats.
public struct RankedBattle: Sendable, Hashable {
    /// Ranked groups, best first; ties inside a group. Never empty, no empty group.
    public let groups: [[Int]]
    /// Models below every group, not ordered among themselves (never exactly one).
    public let unranked: [Int]
    /// The judge said every answer was bad (then `groups` is one group of all models).
    public let allBad: Bool

    public init(groups: [[Int]], unranked: [Int] = [], allBad: Bool = false) throws(RankingError) {
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else {
            throw RankingError(.invalidArgument, "a ranked battle needs at least one non-empty group")
        }
        let all = groups.flatMap { $0 } + unranked
        guard all.count >= 2 else { throw RankingError(.invalidArgument, "a battle needs at least two seats") }
        guard Set(all).count == all.count else {
            throw RankingError(.sameModelInBothSeats, "a model appears twice in one ranked battle")
        }
        guard all.allSatisfy({ $0 >= 0 }) else {
            throw RankingError(.modelOutOfRange, "model indices must not be negative")
        }
        guard !allBad || (groups.count == 1 && unranked.isEmpty) else {
            throw RankingError(.invalidArgument, "an all-bad battle is one group of every seat")
        }
        var sortedGroups = groups.map { $0.sorted() }
        var rest = unranked.sorted()
        if rest.count == 1 {
            sortedGroups.append(rest)
            rest = []
        }
        self.groups = sortedGroups
        self.unranked = rest
        self.allBad = allBad
    }

    /// `model` beat every other of `models` (which must contain it); the losers are unordered.
    public static func winner(_ model: Int, among models: [Int]) throws(RankingError) -> RankedBattle {
        guard models.contains(model) else { throw RankingError(.invalidArgument, "the winner must be one of the seats") }
        return try RankedBattle(groups: [[model]], unranked: models.filter { $0 != model })
    }

    /// Every answer equally good.
    public static func tie(_ models: [Int]) throws(RankingError) -> RankedBattle {
        try RankedBattle(groups: [models])
    }

    /// Every answer bad: a tie of all for rating, flagged for records.
    public static func allBad(_ models: [Int]) throws(RankingError) -> RankedBattle {
        try RankedBattle(groups: [models], allBad: true)
    }

    /// The same verdict as `MultiSeatBattle.comparisons(models:verdict:)` receives.
    public init(models: [Int], verdict: MultiSeatVerdict) throws(RankingError) {
        switch verdict {
        case .winner(let seat):
            guard models.indices.contains(seat) else {
                throw RankingError(.invalidArgument, "winning seat \(seat) is not in 0..<\(models.count)")
            }
            self = try .winner(models[seat], among: models)
        case .tie: self = try .tie(models)
        case .allBad: self = try .allBad(models)
        }
    }

    /// Every model in the battle: groups in order, then the unranked ones.
    public var models: [Int] { groups.flatMap { $0 } + unranked }

    /// The verdict as far as ratings are concerned (drops the all-bad flag).
    var ratingPattern: RankedBattle {
        allBad ? RankedBattle(normalized: groups, unranked: unranked, allBad: false) : self
    }

    private init(normalized groups: [[Int]], unranked: [Int], allBad: Bool) {
        self.groups = groups
        self.unranked = unranked
        self.allBad = allBad
    }
}
