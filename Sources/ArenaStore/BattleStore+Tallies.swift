import ArenaCore

/// The ranking tallies: how many verdicts have each `RankingShape`, kept by every write in the
/// same transaction, so a leaderboard reads a few hundred rows instead of every verdict.
extension BattleStore {
    /// The tallies, or nil when they do not count exactly the verdicts stored (an older arena
    /// wrote to the store, or they were damaged): read the votes then, and repair with
    /// `arena store verify --repair`.
    public func rankingTallies() throws(StoreError) -> [RankingTally]? {
        let stored = try backend.storedRankingTallies()
        return stored.inStep ? stored.tallies : nil
    }

    /// Recounts the tallies from the verdicts and compares them with those stored.
    public func verifyRankingTallies() throws(StoreError) -> RankingTallyCheck {
        let stored = try backend.storedRankingTallies()
        let recounted = RankingTally.of(try backend.rankingVotes(withText: false))
        return RankingTallyCheck(stored: stored.tallies, recounted: recounted, unreadableRows: stored.unreadable)
    }

    /// Replaces the tallies with a recount of the verdicts (one transaction).
    public func repairRankingTallies() throws(StoreError) { try backend.rebuildRankingTallies() }
}

/// Stored tallies against a recount: `arena store verify`.
public struct RankingTallyCheck: Sendable, Equatable {
    public struct Difference: Sendable, Equatable {
        public var shape: RankingShape
        public var stored: Int
        public var recounted: Int
    }

    /// Shapes whose stored count differs from the recount, largest difference first.
    public let differences: [Difference]
    /// Stored rows whose shape does not read back.
    public let unreadableRows: Int
    public let shapes: Int
    public let verdicts: Int

    public var matches: Bool { differences.isEmpty && unreadableRows == 0 }

    init(stored: [RankingTally], recounted: [RankingTally], unreadableRows: Int) {
        var storedCounts: [RankingShape: Int] = [:]
        for tally in stored { storedCounts[tally.shape, default: 0] += tally.verdicts }
        var recountedCounts: [RankingShape: Int] = [:]
        for tally in recounted { recountedCounts[tally.shape, default: 0] += tally.verdicts }
        var differences: [Difference] = []
        for shape in Set(storedCounts.keys).union(recountedCounts.keys) {
            let left = storedCounts[shape] ?? 0, right = recountedCounts[shape] ?? 0
            if left != right { differences.append(Difference(shape: shape, stored: left, recounted: right)) }
        }
        self.differences = differences.sorted {
            abs($0.stored - $0.recounted) != abs($1.stored - $1.recounted)
                ? abs($0.stored - $0.recounted) > abs($1.stored - $1.recounted) : $0.shape.code < $1.shape.code
        }
        self.unreadableRows = unreadableRows
        shapes = recountedCounts.count
        verdicts = recounted.reduce(0) { $0 + $1.verdicts }
    }
}
