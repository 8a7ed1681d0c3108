import ArenaCore
import Foundation
import GRDB

extension SQLiteBackend {
    /// Saves one run answer (each in its own transaction, so an interrupted run keeps what it
    /// finished). A new answer for the same key replaces the old one (a retried failure).
    public func save(runAnswer: RunAnswer) throws(StoreError) {
        try write { db in try RunAnswerRow(runAnswer).save(db) }
    }

    /// Every stored run answer of a suite (failures included).
    public func runAnswers(suite: String) throws(StoreError) -> [RunAnswer] {
        try read { db in
            try RunAnswerRow.fetchAllStrictly(db, RunAnswerRow.filter(Column("suite") == suite)
                .order(Column("prompt_id"), Column("repeat_index"), Column("model_name"))).map { row throws(StoreError) in try row.run() }
        }
    }

    /// Keys of answers that are done (not failures) and still match the prompt as it is now.
    public func completedRunKeys(suite: String) throws(StoreError) -> [RunAnswer.Key: String] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT prompt_id, repeat_index, model_name, prompt_fingerprint FROM run_answer
                WHERE suite = ? AND error_kind IS NULL AND finish_reason != ?
                """, arguments: [suite, FinishReason.cancelled])
            var keys: [RunAnswer.Key: String] = [:]
            for row in rows {
                keys[RunAnswer.Key(suite: suite, promptID: row["prompt_id"], repeatIndex: row["repeat_index"],
                                   model: row["model_name"])] = row["prompt_fingerprint"]
            }
            return keys
        }
    }
}

extension SQLiteBackend {
    /// Suites that have stored run answers, by name.
    public func runSuites() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT suite FROM run_answer ORDER BY suite") }
    }
}

extension SQLiteBackend {
    /// Records (or replaces) a rater's adequacy mark on a stored run answer.
    public func save(adequacy mark: AdequacyMark) throws(StoreError) {
        try write { db in
            try AdequacyRow(suite: mark.key.suite, prompt_id: mark.key.promptID, repeat_index: mark.key.repeatIndex,
                            model_name: mark.key.model, rater: mark.rater, adequate: mark.adequate,
                            created_at: mark.createdAt.timeIntervalSince1970).save(db)
        }
    }

    public func adequacyMarks(suite: String) throws(StoreError) -> [AdequacyMark] {
        try read { db in
            try AdequacyRow.fetchAllStrictly(db, AdequacyRow.filter(Column("suite") == suite)).map { row in
                AdequacyMark(key: .init(suite: row.suite, promptID: row.prompt_id, repeatIndex: row.repeat_index, model: row.model_name),
                             rater: row.rater, adequate: row.adequate, createdAt: Date(timeIntervalSince1970: row.created_at))
            }
        }
    }

    /// Deletes a judged battle and its verdict (undo in judge mode).
    public func deleteBattle(id: UUID) throws(StoreError) {
        try writeKeepingTallies(battle: id.uuidString) { db in _ = try BattleRow.deleteOne(db, key: id.uuidString) }
    }
}

extension SQLiteBackend {
    func claim(_ claim: JudgeClaim, expiringBefore: Date) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: JudgeClaimSQL.claim(placeholder: { _ in "?" }), arguments: [
                claim.suite, claim.item, claim.rater, claim.claimedAt.timeIntervalSince1970, expiringBefore.timeIntervalSince1970,
            ])
            return db.changesCount == 1
        }
    }

    func finishClaim(suite: String, item: String, done: Bool) throws(StoreError) {
        try write { db in
            try db.execute(sql: done ? JudgeClaimSQL.done(placeholder: { _ in "?" }) : JudgeClaimSQL.release(placeholder: { _ in "?" }),
                           arguments: [suite, item])
        }
    }
}
