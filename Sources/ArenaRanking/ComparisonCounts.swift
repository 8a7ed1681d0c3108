/// All verdicts aggregated into a models × models table, kept by seat: the only input the
/// count-based fits (`BradleyTerry`, `Davidson`), the bootstrap and the statistics need.
///
/// ```swift
/// var counts = ComparisonCounts(modelCount: names.count)
/// for battle in stored { try counts.add(battle) }
/// let fit = try BradleyTerry.fit(counts)
/// counts.record(of: 0)            // battles, wins, losses, ties, both-bad of model 0
/// counts.wins(of: 0, over: 1)     // decisive wins, either seat
/// ```
///
/// Aggregating first makes every fit cost O(models²) per iteration however many battles there are.
/// Seats are kept (cell `[a][b]` holds battles with `a` in seat A) so position bias can be measured;
/// every rating method pools both seat orders.
///
/// Traps: counts are plain integers, one per verdict; there is no weighting (see `ActiveSampling`
/// for why the ratings need none).
public struct ComparisonCounts: Sendable, Equatable {
    public let modelCount: Int
    // Row-major modelCount × modelCount, index a * modelCount + b, `a` in seat A.
    private var winsA: [Int]
    private var winsB: [Int]
    private var ties: [Int]
    private var bothBad: [Int]

    /// An empty table for models `0..<modelCount`.
    public init(modelCount: Int) {
        precondition(modelCount >= 0, "modelCount must not be negative")
        self.modelCount = modelCount
        let cells = modelCount * modelCount
        winsA = Array(repeating: 0, count: cells)
        winsB = winsA
        ties = winsA
        bothBad = winsA
    }

    /// The table of `comparisons`; throws on an index out of range or a model facing itself.
    public init(modelCount: Int, comparisons: some Sequence<Comparison>) throws(RankingError) {
        self.init(modelCount: modelCount)
        for comparison in comparisons { try add(comparison) }
    }

    /// Adds one verdict.
    public mutating func add(_ comparison: Comparison) throws(RankingError) {
        try add(comparison.outcome, a: comparison.a, b: comparison.b, times: 1)
    }

    /// Adds `times` identical verdicts with `a` in seat A.
    public mutating func add(_ outcome: PairOutcome, a: Int, b: Int, times: Int = 1) throws(RankingError) {
        try RankingError.checkModel(a, modelCount: modelCount)
        try RankingError.checkModel(b, modelCount: modelCount)
        guard a != b else { throw RankingError(.sameModelInBothSeats, "model \(a) against itself") }
        guard times >= 0 else { throw RankingError(.invalidArgument, "times must not be negative") }
        let cell = a * modelCount + b
        switch outcome {
        case .winA: winsA[cell] += times
        case .winB: winsB[cell] += times
        case .tie: ties[cell] += times
        case .bothBad: bothBad[cell] += times
        }
    }

    /// Battles with `a` in seat A and `b` in seat B that ended in `outcome`.
    public func count(_ outcome: PairOutcome, a: Int, b: Int) -> Int {
        let cell = a * modelCount + b
        switch outcome {
        case .winA: return winsA[cell]
        case .winB: return winsB[cell]
        case .tie: return ties[cell]
        case .bothBad: return bothBad[cell]
        }
    }

    /// Decisive wins of `i` over `j`, in either seat.
    public func wins(of i: Int, over j: Int) -> Int {
        winsA[i * modelCount + j] + winsB[j * modelCount + i]
    }

    /// Ties (not both-bad) between `i` and `j`, either seat order.
    public func ties(between i: Int, and j: Int) -> Int {
        ties[i * modelCount + j] + ties[j * modelCount + i]
    }

    /// Both-bad verdicts between `i` and `j`, either seat order.
    public func bothBad(between i: Int, and j: Int) -> Int {
        bothBad[i * modelCount + j] + bothBad[j * modelCount + i]
    }

    /// All battles between `i` and `j`, whatever the verdict.
    public func battles(between i: Int, and j: Int) -> Int {
        guard i != j else { return 0 }
        return wins(of: i, over: j) + wins(of: j, over: i) + ties(between: i, and: j) + bothBad(between: i, and: j)
    }

    /// One model's totals against everyone.
    public func record(of model: Int) -> ModelRecord {
        var record = ModelRecord()
        for other in 0..<modelCount where other != model {
            record.wins += wins(of: model, over: other)
            record.losses += wins(of: other, over: model)
            record.ties += ties(between: model, and: other)
            record.bothBad += bothBad(between: model, and: other)
        }
        return record
    }

    /// Totals over every cell, by seat: what position-bias statistics need.
    public var seatTotals: (winsA: Int, winsB: Int, ties: Int, bothBad: Int) {
        (winsA.reduce(0, +), winsB.reduce(0, +), ties.reduce(0, +), bothBad.reduce(0, +))
    }

    /// Every verdict ever added.
    public var totalBattles: Int {
        let totals = seatTotals
        return totals.winsA + totals.winsB + totals.ties + totals.bothBad
    }
}

/// One model's win/loss/tie/both-bad totals; `battles` is their sum.
public struct ModelRecord: Sendable, Equatable {
    public var wins = 0
    public var losses = 0
    public var ties = 0
    public var bothBad = 0

    public init(wins: Int = 0, losses: Int = 0, ties: Int = 0, bothBad: Int = 0) {
        self.wins = wins
        self.losses = losses
        self.ties = ties
        self.bothBad = bothBad
    }

    public var battles: Int { wins + losses + ties + bothBad }
}
