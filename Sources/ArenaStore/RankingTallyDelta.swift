import ArenaCore

/// The change a write makes to the ranking tallies: the shapes of the verdicts it touches,
/// read before and after it inside the same transaction, or the shapes of what it adds.
///
/// ```swift
/// var delta = RankingTallyDelta()
/// delta.remove(before)       // shapes of the battle's verdicts before the write
/// delta.add(after)           // … and after it
/// for (code, change) in delta.changes { … }   // upsert `verdicts + change`, drop rows at 0
/// ```
struct RankingTallyDelta {
    private var counts: [RankingShape: Int] = [:]

    mutating func add(_ shapes: some Sequence<RankingShape>) {
        for shape in shapes { counts[shape, default: 0] += 1 }
    }

    mutating func remove(_ shapes: some Sequence<RankingShape>) {
        for shape in shapes { counts[shape, default: 0] -= 1 }
    }

    /// The shapes of every vote in `battle` (what an import adds).
    mutating func add(_ battle: StoredBattle) {
        add(RankingVote.votes(in: battle, withText: false).map(RankingShape.init(vote:)))
    }

    /// Non-zero changes by shape code, in code order (so concurrent writers lock rows in one order).
    var changes: [(code: String, change: Int)] {
        counts.compactMap { $0.value == 0 ? nil : ($0.key.code, $0.value) }.sorted { $0.code < $1.code }
    }
}

/// The statements that keep `ranking_tally`, one text for both backends (the placeholders are
/// the dialect's).
enum RankingTallySQL {
    static func upsert(_ dialect: SchemaSteps.Dialect) -> String {
        let (shape, change) = dialect == .sqlite ? ("?", "?") : ("$1", "$2")
        return """
            INSERT INTO ranking_tally (shape, verdicts) VALUES (\(shape), \(change))
            ON CONFLICT (shape) DO UPDATE SET verdicts = ranking_tally.verdicts + excluded.verdicts
            """
    }

    static func dropEmpty(_ dialect: SchemaSteps.Dialect) -> String {
        "DELETE FROM ranking_tally WHERE shape = \(dialect == .sqlite ? "?" : "$1") AND verdicts = 0"
    }

    /// Every tally with the number of verdicts stored, read in one statement (one snapshot), so
    /// a reader can tell tallies in step from tallies an older arena left behind.
    static let read = "SELECT shape, verdicts, (SELECT count(*) FROM verdict) AS stored FROM ranking_tally"
    static let verdictTotal = "SELECT count(*) FROM verdict"
}

/// The stored tallies as read, with how many verdicts the store holds.
struct StoredRankingTallies {
    var tallies: [RankingTally]
    /// Verdicts in the store (every outcome, skips too), from the same snapshot.
    var storedVerdicts: Int
    /// Rows whose shape did not read back (written by a newer arena, or damaged).
    var unreadable: Int

    /// The tallies count every stored verdict, each once.
    var inStep: Bool {
        unreadable == 0 && tallies.allSatisfy { $0.verdicts >= 0 } && tallies.reduce(0) { $0 + $1.verdicts } == storedVerdicts
    }
}
