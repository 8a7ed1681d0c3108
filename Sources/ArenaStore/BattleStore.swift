import ArenaCore
import Foundation

/// The store of battles and verdicts — the source of truth; rankings are recomputed from it, never
/// cached in it. A local SQLite file by default, or a team's shared PostgreSQL database.
///
/// ```swift
/// let store = try BattleStore(location: "~/.local/share/arena/arena.sqlite")   // or postgres://…
/// try store.save(battle: battle, turn: 0)        // battle, seats, turn and answers: one transaction
/// try store.save(verdict: VerdictRecord(...))   // its own transaction; the turn must exist
/// ```
///
/// Traps: API keys never reach it: seats record the model name, provider, model id and base URL
/// only. A PostgreSQL password comes from `PGPASSWORD` or `~/.pgpass` (or the URL) and is never
/// shown: `path` is the URL without it.
public final class BattleStore: Sendable {
    let backend: any StoreBackend

    /// The SQLite file at `path`, created (private) and migrated if needed.
    public convenience init(path: String) throws(StoreError) {
        try self.init(location: path)
    }

    /// A file path, or a `postgres://` / `postgresql://` URL.
    public init(location: String) throws(StoreError) {
        if Self.isPostgres(location) {
            backend = try PostgresBackend(url: location)
        } else {
            backend = try SQLiteBackend(path: location)
        }
    }

    /// A store over a backend made by hand (tests: a PostgreSQL backend with a short reconnect budget).
    init(backend: any StoreBackend) {
        self.backend = backend
    }

    public static func isPostgres(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Where the store is, for messages: the file path, or the URL without a password.
    public var path: String { backend.displayName }
    public var isPostgres: Bool { backend is PostgresBackend }

    /// Names of the migrations applied, in order (for `arena stats` and tests).
    public func appliedMigrations() throws(StoreError) -> [String] { try backend.appliedMigrations() }

    /// Writes one turn of a battle with every seat's answer (and the battle and its seats on its
    /// first turn), in one transaction: a crash leaves all or nothing.
    public func save(battle: Battle, turn: Int) throws(StoreError) { try backend.save(battle: battle, turn: turn) }

    /// Records the verdict for one turn. Replaces an earlier verdict for the same turn (re-vote).
    public func save(verdict: VerdictRecord) throws(StoreError) { try backend.save(verdict: verdict) }

    /// Removes the verdict of one turn (undo).
    public func deleteVerdict(battleID: UUID, turn: Int) throws(StoreError) { try backend.deleteVerdict(battleID: battleID, turn: turn) }

    /// Deletes a judged battle and its verdict (undo in judge mode).
    public func deleteBattle(id: UUID) throws(StoreError) { try backend.deleteBattle(id: id) }

    /// Number of verdicts that are not skips.
    public func verdictCount() throws(StoreError) -> Int { try backend.verdictCount() }
    public func battleCount() throws(StoreError) -> Int { try backend.battleCount() }

    /// Adds battles that are not in the store yet (by id), each with its verdicts, all in one
    /// transaction. Returns how many were added; the rest were already there.
    public func importBattles(_ battles: [StoredBattle]) throws(StoreError) -> Int {
        try backend.importBattles { add in _ = try add(battles) }
    }

    /// The streaming form: `produce` hands over batches through `add` (which returns how many of
    /// the batch were new), all inside one transaction, so a failure or a kill imports nothing
    /// and memory holds one batch at a time.
    public func importBattles(_ produce: (_ add: ([StoredBattle]) throws -> Int) throws -> Void) throws(StoreError) -> Int {
        try backend.importBattles(produce)
    }

    /// One battle with everything in it, or nil.
    public func battle(id: UUID) throws(StoreError) -> StoredBattle? { try backend.battle(id: id) }

    /// Battles in creation order, optionally only those created at or after `since`.
    public func battles(since: Date? = nil) throws(StoreError) -> [StoredBattle] { try backend.battles(since: since) }

    /// The battles judged from one suite's stored answers (`arena judge`), in creation order:
    /// read through the suite index, not by loading every battle.
    public func battles(suite: String) throws(StoreError) -> [StoredBattle] { try backend.battles(suite: suite) }

    /// Every verdict with only what ranking reads (no prompts; answer text only `withText`), in
    /// time order: what the leaderboard and `arena stats` use instead of whole battles.
    public func rankingVotes(withText: Bool = false) throws(StoreError) -> [RankingVote] {
        try backend.rankingVotes(withText: withText)
    }

    /// The identity words of each battle the leak guard flagged, one list per battle.
    public func leakedBattleWords() throws(StoreError) -> [[String]] { try backend.leakedBattleWords() }

    /// Recent distinct prompts, oldest first (for prompt recall in the arena screen).
    public func recentPrompts(limit: Int = 200) throws(StoreError) -> [String] { try backend.recentPrompts(limit: limit) }

    /// Records (or replaces) a rater's adequacy mark on a stored run answer.
    public func save(adequacy mark: AdequacyMark) throws(StoreError) { try backend.save(adequacy: mark) }
    public func adequacyMarks(suite: String) throws(StoreError) -> [AdequacyMark] { try backend.adequacyMarks(suite: suite) }

    /// Saves one run answer in its own transaction; a new answer for the same key replaces the old.
    public func save(runAnswer: RunAnswer) throws(StoreError) { try backend.save(runAnswer: runAnswer) }

    /// Every stored run answer of a suite (failures included).
    public func runAnswers(suite: String) throws(StoreError) -> [RunAnswer] { try backend.runAnswers(suite: suite) }

    /// Keys of answers that are done (not failures), with the prompt fingerprint they answered.
    public func completedRunKeys(suite: String) throws(StoreError) -> [RunAnswer.Key: String] {
        try backend.completedRunKeys(suite: suite)
    }

    /// Suites that have stored run answers, by name.
    public func runSuites() throws(StoreError) -> [String] { try backend.runSuites() }

    /// Claims a pending comparison for `claim.rater`: true when it is theirs now (free, expired,
    /// or already theirs), false when another rater holds it or its verdict is already saved.
    public func claim(_ claim: JudgeClaim, ttl: TimeInterval = 15 * 60) throws(StoreError) -> Bool {
        try backend.claim(claim, expiringBefore: claim.claimedAt.addingTimeInterval(-ttl))
    }

    /// Marks a claim done (its verdict is saved) or releases it (skipped, undone, left).
    public func finishClaim(suite: String, item: String, done: Bool) throws(StoreError) {
        try backend.finishClaim(suite: suite, item: item, done: done)
    }
}
