import ArenaCore
import ArenaRanking
import Foundation

/// The comparisons a leaderboard is fitted on, built from stored verdicts.
///
/// What counts (LMArena's rules): blind verdicts only (the names were hidden when it was cast),
/// not skips, not battles flagged by the identity-leak guard (unless asked), and never a seat whose
/// answer failed, was cancelled or was empty. With more than two seats the winner beats each other
/// seat; a tie or "both bad" ties every pair.
struct RankingData {
    struct Filter {
        var includeLeaked = false
        var since: Date?
        /// Keep only models for which this is true (e.g. those with a tag).
        var model: (String) -> Bool = { _ in true }
        /// Only these raters' verdicts (nil: everyone's).
        var raters: Set<String>?
        /// At most this many verdicts per rater per calendar day (local time), the earliest.
        var capPerDay: Int?
    }

    struct Exclusions {
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
    var verdicts = 0
    var excluded = Exclusions()

    /// From whole battles (a suite's, for `recommend`): the same as from the store's votes.
    init(battles: [StoredBattle], filter: Filter) {
        self.init(votes: RankingVote.votes(in: battles, withText: true), filter: filter)
    }

    /// `votes` in time order (as `BattleStore.rankingVotes` returns them). Style features are
    /// measured only on votes read with their answer text.
    init(votes: [RankingVote], filter: Filter) {
        var index: [String: Int] = [:]
        func modelIndex(_ name: String) -> Int {
            if let existing = index[name] { return existing }
            index[name] = models.count
            models.append(name)
            return models.count - 1
        }
        let capped = filter.capPerDay.map { Self.overCap(votes, limit: $0) } ?? []
        for vote in votes {
            let record = vote.record
            if let since = filter.since, record.createdAt < since { continue }
            if let raters = filter.raters, !raters.contains(record.rater) { excluded.otherRaters += 1; continue }
            if record.verdict == .skip { excluded.skipped += 1; continue }
            if capped.contains(VerdictKey(battle: record.battleID, turn: record.turnIndex)) { excluded.overDailyCap += 1; continue }
            if !(vote.battleBlind && record.blind) { excluded.notBlind += 1; continue }
            if vote.leaked && !filter.includeLeaked { excluded.leaked += 1; continue }
            let imported = vote.mode == .imported  // judged elsewhere; may carry no text
            let eligible = vote.contenders.filter { contender in
                let ok = imported ? !contender.failed : contender.canWin
                if !ok { excluded.failedSeats += 1 }
                return ok && filter.model(contender.model)
            }
            let verdict: MultiSeatVerdict
            switch record.verdict {
            case .seat(let winner):
                guard let position = eligible.firstIndex(where: { $0.seatIndex == winner }) else { continue }
                verdict = .winner(seat: position)
            case .tie: verdict = .tie
            case .bothBad: verdict = .allBad
            case .skip: continue
            }
            guard eligible.count >= 2 else { continue }
            let indices = eligible.map { modelIndex($0.model) }
            guard let pairs = try? MultiSeatBattle.comparisons(models: indices, verdict: verdict) else { continue }
            verdicts += 1
            let styles = Dictionary(eligible.compactMap { contender in
                contender.text.map { (modelIndex(contender.model), StyleFeatures.measure(markdown: $0, tokens: contender.outputTokens)) }
            }, uniquingKeysWith: { first, _ in first })
            for pair in pairs {
                comparisons.append(pair)
                dates.append(record.createdAt)
                raters.append(record.rater)
                if !styles.isEmpty {
                    styled.append(StyledComparison(pair, styleA: styles[pair.a] ?? StyleFeatures(tokens: 0),
                                                   styleB: styles[pair.b] ?? StyleFeatures(tokens: 0)))
                }
            }
        }
    }

    struct VerdictKey: Hashable {
        var battle: UUID
        var turn: Int
    }

    /// Verdicts past a rater's daily cap: each rater's earliest `limit` (non-skip) verdicts of a
    /// local calendar day count, later ones that day do not.
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
        zip(zip(comparisons, raters), dates).map { pair, date in RaterVote(rater: pair.1, comparison: pair.0, createdAt: date) }
    }

    func counts() throws -> ComparisonCounts {
        try ComparisonCounts(modelCount: models.count, comparisons: comparisons)
    }
}
