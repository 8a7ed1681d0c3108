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

struct AdequacyRow: StoredRecord {
    static let databaseTableName = "adequacy"
    var suite: String
    var prompt_id: String
    var repeat_index: Int
    var model_name: String
    var rater: String
    var adequate: Bool
    var created_at: Double
}
