import GRDB

/// A table's row struct (StoreRecords.swift): GRDB's record protocols, plus the columns that hold a
/// `StoredEnumeration`, so that an unknown stored word is reported with its table and column on
/// both backends.
///
/// ```swift
/// let rows = try AnswerRow.fetchAllStrictly(db, AnswerRow.filter(Column("battle_id") == id))
/// // a stored finish_reason 'paused' → StoreError.unknownValue: "… answer.finish_reason "paused" …"
/// ```
///
/// Traps: list every enum-typed property in `enumColumns`. One left out still fails loudly, as a
/// plain "store read failed" without the column's name.
protocol StoredRecord: Codable, FetchableRecord, PersistableRecord {
    /// Column name → the enum its words belong to.
    static var enumColumns: [String: any StoredEnumeration.Type] { get }
}

extension StoredRecord {
    static var enumColumns: [String: any StoredEnumeration.Type] { [:] }

    /// Every record `request` selects, decoded by GRDB; when GRDB cannot decode one, the unknown
    /// stored word is looked up in the raw rows and thrown as `StoreError.unknownValue`.
    static func fetchAllStrictly(_ db: Database, _ request: some FetchRequest<Self>) throws -> [Self] {
        do {
            return try request.fetchAll(db)
        } catch let error as RowDecodingError {
            throw try unknownValue(in: Row.fetchAll(db, request)) ?? error
        }
    }

    static func fetchAllStrictly(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Self] {
        try fetchAllStrictly(db, SQLRequest<Self>(sql: sql, arguments: arguments))
    }

    /// The record with this primary key, or nil.
    static func fetchOneStrictly(_ db: Database, key: [String: (any DatabaseValueConvertible)?]) throws -> Self? {
        try fetchAllStrictly(db, filter(key: key)).first
    }

    static func fetchOneStrictly(_ db: Database, key: String) throws -> Self? {
        try fetchAllStrictly(db, filter(key: key)).first
    }

    /// The first stored word in `rows` that its column's enum does not know, as the error to throw.
    static func unknownValue(in rows: [Row]) -> StoreError? {
        let columns = enumColumns.sorted { $0.key < $1.key }
        for row in rows {
            for (column, type) in columns where row.hasColumn(column) {
                let value: DatabaseValue = row[column]
                guard !value.isNull else { continue }
                let raw = String.fromDatabaseValue(value) ?? value.description
                if !type.knows(raw) { return StoreError.unknownValue(raw, column: "\(databaseTableName).\(column)") }
            }
        }
        return nil
    }
}

extension StoredEnumeration {
    /// Whether `raw` is one of this enum's words.
    static func knows(_ raw: String) -> Bool { Self(rawValue: raw) != nil }
}
