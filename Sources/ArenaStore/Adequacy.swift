import ArenaCore
import Foundation
import GRDB

/// An absolute judgement of one run answer: good enough for the job, or not. Separate from the
/// pairwise preference; feeds `arena recommend`'s adequacy bar.
public struct AdequacyMark: Sendable, Equatable {
    public var key: RunAnswer.Key
    public var rater: String
    public var adequate: Bool
    public var createdAt: Date

    public init(key: RunAnswer.Key, rater: String, adequate: Bool, createdAt: Date) {
        self.key = key
        self.rater = rater
        self.adequate = adequate
        self.createdAt = createdAt
    }
}

struct AdequacyRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "adequacy"
    var suite: String
    var prompt_id: String
    var repeat_index: Int
    var model_name: String
    var rater: String
    var adequate: Bool
    var created_at: Double
}

extension BattleStore {
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
            try AdequacyRow.filter(Column("suite") == suite).fetchAll(db).map { row in
                AdequacyMark(key: .init(suite: row.suite, promptID: row.prompt_id, repeatIndex: row.repeat_index, model: row.model_name),
                             rater: row.rater, adequate: row.adequate, createdAt: Date(timeIntervalSince1970: row.created_at))
            }
        }
    }

    /// Deletes a judged battle and its verdict (undo in judge mode).
    public func deleteBattle(id: UUID) throws(StoreError) {
        try write { db in _ = try BattleRow.deleteOne(db, key: id.uuidString) }
    }
}
