import ArenaCore
import Foundation

/// What a store backend does: the SQLite file (`SQLiteBackend`) and a shared PostgreSQL database
/// (`PostgresBackend`) implement the same operations over the same schema, so every command works
/// against either. `BattleStore` is the public face; this protocol is its seam.
protocol StoreBackend: Sendable {
    /// A file path, or a PostgreSQL URL without its password.
    var displayName: String { get }
    func appliedMigrations() throws(StoreError) -> [String]

    func save(battle: Battle, turn: Int) throws(StoreError)
    func save(verdict: VerdictRecord) throws(StoreError)
    func deleteVerdict(battleID: UUID, turn: Int) throws(StoreError)
    func deleteBattle(id: UUID) throws(StoreError)
    func verdictCount() throws(StoreError) -> Int
    func battleCount() throws(StoreError) -> Int
    func importBattles(_ produce: (_ add: ([StoredBattle]) throws -> Int) throws -> Void) throws(StoreError) -> Int

    func battle(id: UUID) throws(StoreError) -> StoredBattle?
    func battles(since: Date?) throws(StoreError) -> [StoredBattle]
    func battles(suite: String) throws(StoreError) -> [StoredBattle]
    func recentPrompts(limit: Int) throws(StoreError) -> [String]
    /// Every verdict, lean, in `RankingVote.precedes` order.
    func rankingVotes(withText: Bool) throws(StoreError) -> [RankingVote]
    func leakedBattleWords() throws(StoreError) -> [[String]]
    /// The ranking tallies as stored, with the number of verdicts from the same snapshot.
    func storedRankingTallies() throws(StoreError) -> StoredRankingTallies
    /// Recounts the tallies from the verdicts, in one transaction.
    func rebuildRankingTallies() throws(StoreError)

    func save(adequacy mark: AdequacyMark) throws(StoreError)
    func adequacyMarks(suite: String) throws(StoreError) -> [AdequacyMark]
    func save(runAnswer: RunAnswer) throws(StoreError)
    func runAnswers(suite: String) throws(StoreError) -> [RunAnswer]
    func completedRunKeys(suite: String) throws(StoreError) -> [RunAnswer.Key: String]
    func runSuites() throws(StoreError) -> [String]

    func claim(_ claim: JudgeClaim, expiringBefore: Date) throws(StoreError) -> Bool
    func finishClaim(suite: String, item: String, done: Bool) throws(StoreError)
}

/// A judge's hold on one pending comparison, so two people judging the same suite never get the
/// same one. A claim is free again when released (skip, undo, quit) or when it expires; once its
/// verdict is saved it is done for good.
public struct JudgeClaim: Sendable, Equatable {
    public var suite: String
    /// The comparison: prompt, repeat and the two models, e.g. `p1#0#model-a|model-b`.
    public var item: String
    public var rater: String
    public var claimedAt: Date

    public init(suite: String, item: String, rater: String, claimedAt: Date) {
        self.suite = suite
        self.item = item
        self.rater = rater
        self.claimedAt = claimedAt
    }
}
