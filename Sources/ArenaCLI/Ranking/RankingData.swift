import ArenaCore
import ArenaRanking
import Foundation

/// The comparisons a leaderboard is fitted on, built from stored verdicts.
///
/// What counts (LMArena's rules): blind verdicts only (the names were hidden when it was cast),
/// not skips, not battles flagged by the identity-leak guard (unless asked), and never a seat whose
/// answer failed, was cancelled or was empty. Each counted verdict is one `RankedBattle` over the
/// seats that can win (what Plackett–Luce fits) and the pairs it orders (what the pairwise fits,
/// tables and exports read): every seat above every seat ranked below it or left unranked, tied
/// seats tied — so a winner of several seats beats each other seat, and a tie or "both bad" ties
/// every pair. The daily cap (`Filter.capPerDay`) comes last: it counts only verdicts that pass
/// every other rule.
struct RankingData {
    struct Filter {
        var includeLeaked = false
        var since: Date?
        /// Only verdicts cast before this moment.
        var until: Date?
        /// Keep only models for which this is true (e.g. those with a tag).
        var model: (String) -> Bool = { _ in true }
        /// Only these raters' verdicts (nil: everyone's).
        var raters: Set<String>?
        /// At most this many verdicts per rater per calendar day (local time), the earliest of
        /// those that pass every other filter.
        var capPerDay: Int?
    }

    struct Exclusions: Equatable {
        var leaked = 0
        var notBlind = 0
        var skipped = 0
        var failedSeats = 0
        var otherRaters = 0
        var overDailyCap = 0
    }

    var models: [String] = []
    /// In time order.
    var comparisons: [Comparison] = []
    var styled: [StyledComparison] = []
    var dates: [Date] = []
    /// Who cast the verdict behind each comparison.
    var raters: [String] = []
    /// One per counted verdict, in time order, in model indices.
    var rankedBattles: [RankedBattle] = []
    var verdicts = 0
    var excluded = Exclusions()

    /// From whole battles (a suite's, for `recommend`): the same as from the store's votes.
    init(battles: [StoredBattle], filter: Filter) {
        self.init(votes: RankingVote.votes(in: battles, withText: true), filter: filter)
    }

    /// `votes` in time order (as `BattleStore.rankingVotes` returns them). Style features are
    /// measured only on votes read with their answer text. The daily cap is applied last, to the
    /// verdicts that pass every other filter: one that would not count anyway (not blind,
    /// leaked, a skip, too few seats that can win, another rater, too old, filtered models) never
    /// uses up a rater's allowance.
    init(votes: [RankingVote], filter: Filter) {
        self.init(candidates: votes.map { Candidate(shape: RankingShape(vote: $0), vote: $0, weight: 1) }, filter: filter)
    }

    /// From the store's ranking tallies (`BattleStore.rankingTallies`): the same models, counts,
    /// ranked battles, pairs and exclusions as from the votes they count, without reading them —
    /// but no dates (`dates` is empty) and no order in time, so not for `since`, the daily cap,
    /// Elo, style control or rater agreement.
    init(tallies: [RankingTally], filter: Filter) {
        precondition(filter.since == nil && filter.until == nil && filter.capPerDay == nil,
                     "tallies carry no dates: filter by date on the votes")
        self.init(candidates: tallies.map { Candidate(shape: $0.shape, vote: nil, weight: $0.verdicts) }, filter: filter)
        hasDates = false
    }

    /// Whether `dates` holds the date of every comparison (false when read from tallies).
    private(set) var hasDates = true

    /// One verdict (or a tally of identical ones) as the filters see it.
    struct Candidate {
        var shape: RankingShape
        /// The vote itself, when read one by one (dates, the daily cap and style need it).
        var vote: RankingVote?
        /// How many verdicts of this shape.
        var weight: Int
    }

    private init(candidates: [Candidate], filter: Filter) {
        var counting: [Counting] = []
        for candidate in candidates {
            if let admitted = admit(candidate, filter: filter) { counting.append(admitted) }
        }
        let capped = filter.capPerDay.map { Self.overCap(counting.compactMap(\.vote), limit: $0) } ?? []
        // Models by name, so every way of reading the same verdicts numbers them alike.
        models = Set(counting.flatMap { $0.seats.map(\.model) }).sorted()
        let index = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($0.element, $0.offset) })
        for candidate in counting {
            if let record = candidate.vote?.record, capped.contains(VerdictKey(battle: record.battleID, turn: record.turnIndex)) {
                excluded.overDailyCap += 1
                continue
            }
            let weight = candidate.weight
            verdicts += weight
            let global = candidate.seats.map { index[$0.model]! }
            rankedBattles.append(contentsOf: repeatElement(candidate.battle(models: global), count: weight))
            let styles = candidate.vote.map { Self.styles(of: $0, seats: candidate.seats, index: index) } ?? [:]
            for local in candidate.pairs {
                let pair = Comparison(a: global[local.a], b: global[local.b], outcome: local.outcome)
                comparisons.append(contentsOf: repeatElement(pair, count: weight))
                raters.append(contentsOf: repeatElement(candidate.shape.rater, count: weight))
                if let record = candidate.vote?.record { dates.append(record.createdAt) }
                if !styles.isEmpty {
                    styled.append(StyledComparison(pair, styleA: styles[pair.a] ?? StyleFeatures(tokens: 0),
                                                   styleB: styles[pair.b] ?? StyleFeatures(tokens: 0)))
                }
            }
        }
    }

    /// Style features of the counted seats whose text was read, by model index.
    private static func styles(of vote: RankingVote, seats: [RankingShape.Seat], index: [String: Int]) -> [Int: StyleFeatures] {
        guard vote.contenders.contains(where: { $0.text != nil }) else { return [:] }  // read without text: nothing to measure
        let bySeat = Dictionary(vote.contenders.map { ($0.seatIndex, $0) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(seats.compactMap { seat in
            guard let contender = bySeat[seat.seatIndex], let text = contender.text, let model = index[seat.model] else { return nil }
            return (model, StyleFeatures.measure(markdown: text, tokens: contender.outputTokens))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// A vote that passes every filter but the daily cap: its eligible seats and its pairs, with
    /// models numbered by seat position among `seats`.
    struct Counting {
        var shape: RankingShape
        var vote: RankingVote?
        var weight: Int
        var seats: [RankingShape.Seat]
        var pairs: [Comparison]
        /// Positions in `seats`, best group first.
        var groups: [[Int]]
        var allBad: Bool

        func battle(models: [Int]) -> RankedBattle {
            let ranked = Set(groups.flatMap { $0 })
            // Valid by construction: distinct models, at least two seats, non-empty groups.
            return try! RankedBattle(groups: groups.map { $0.map { models[$0] } },
                                     unranked: seats.indices.filter { !ranked.contains($0) }.map { models[$0] },
                                     allBad: allBad)
        }
    }

    /// Every filter but the cap, counting what it excludes; nil when the verdicts do not count.
    private mutating func admit(_ candidate: Candidate, filter: Filter) -> Counting? {
        let shape = candidate.shape, weight = candidate.weight
        if let since = filter.since, let date = candidate.vote?.record.createdAt, date < since { return nil }
        if let until = filter.until, let date = candidate.vote?.record.createdAt, date >= until { return nil }
        if let raters = filter.raters, !raters.contains(shape.rater) { excluded.otherRaters += weight; return nil }
        if shape.verdict == .skip { excluded.skipped += weight; return nil }
        if !shape.blind { excluded.notBlind += weight; return nil }
        if shape.leaked && !filter.includeLeaked { excluded.leaked += weight; return nil }
        let eligible = shape.seats.filter { seat in
            if !seat.counts { excluded.failedSeats += weight }
            return seat.counts && filter.model(seat.model)
        }
        guard eligible.count >= 2 else { return nil }
        // A model in two seats of one battle is refused, as it always was.
        guard Set(eligible.map(\.model)).count == eligible.count else { return nil }
        let position = Dictionary(uniqueKeysWithValues: eligible.enumerated().map { ($0.element.seatIndex, $0.offset) })
        var groups: [[Int]]
        switch shape.verdict {
        case .seat(let winner): groups = [[winner]]
        case .ranking(let ranking): groups = ranking.groups
        case .tie, .bothBad: groups = [eligible.map(\.seatIndex)]
        case .skip: return nil
        }
        // Seats that cannot win leave the ranking; what is left still orders the rest.
        groups = groups.map { $0.compactMap { position[$0] } }.filter { !$0.isEmpty }
        guard !groups.isEmpty else { return nil }
        let allBad = shape.verdict == .bothBad
        return Counting(shape: shape, vote: candidate.vote, weight: weight, seats: eligible,
                        pairs: Self.pairs(groups: groups, seatCount: eligible.count, allBad: allBad),
                        groups: groups, allBad: allBad)
    }

    /// The pairs a ranking orders, over positions `0..<seatCount`, the earlier position always
    /// seat A (as position statistics expect), in (A, B) order.
    static func pairs(groups: [[Int]], seatCount: Int, allBad: Bool) -> [Comparison] {
        var pairs: [Comparison] = []
        for a in 0..<seatCount {
            for b in (a + 1)..<seatCount {
                let outcome: PairOutcome
                switch SeatComparison.of(a, b, groups: groups, bothBad: allBad) {
                case .first: outcome = .winA
                case .second: outcome = .winB
                case .tie: outcome = .tie
                case .bothBad: outcome = .bothBad
                case nil: continue          // neither ranked: nothing said
                }
                pairs.append(Comparison(a: a, b: b, outcome: outcome))
            }
        }
        return pairs
    }

    struct VerdictKey: Hashable {
        var battle: UUID
        var turn: Int
    }

    /// Verdicts past a rater's daily cap: each rater's earliest `limit` (non-skip) verdicts of a
    /// local calendar day count, later ones that day do not. `votes` are those that would count.
    static func overCap(_ votes: [RankingVote], limit: Int) -> Set<VerdictKey> {
        let calendar = DailyCap(limit: limit)
        var byDay: [String: [(Date, VerdictKey)]] = [:]
        for vote in votes where vote.record.verdict != .skip {
            let record = vote.record
            byDay["\(record.rater)#\(calendar.day(of: record.createdAt))", default: []]
                .append((record.createdAt, VerdictKey(battle: record.battleID, turn: record.turnIndex)))
        }
        var over = Set<VerdictKey>()
        for (_, votes) in byDay where votes.count > limit {
            let ordered = votes.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.battle.uuidString < $1.1.battle.uuidString }
            for vote in ordered.dropFirst(limit) { over.insert(vote.1) }
        }
        return over
    }

    /// The comparisons as one vote each per rater, for agreement with the pooled ranking.
    var raterVotes: [RaterVote] {
        precondition(hasDates, "rater agreement reads the votes' dates: build from votes, not tallies")
        return zip(zip(comparisons, raters), dates).map { pair, date in RaterVote(rater: pair.1, comparison: pair.0, createdAt: date) }
    }

    func counts() throws -> ComparisonCounts {
        try ComparisonCounts(modelCount: models.count, comparisons: comparisons)
    }
}
