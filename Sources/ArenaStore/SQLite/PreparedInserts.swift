import GRDB

/// Inserts many records through one prepared statement per table, for imports: the column list
/// and the values come from the record's own `Codable` encoding (so the columns are still named
/// only in StoreRecords.swift), but without GRDB's per-insert work of building, hashing and
/// looking up the SQL for each record.
///
/// ```swift
/// let inserts = PreparedInserts(db)
/// for row in rows { try inserts.insert(row) }
/// ```
///
/// Traps: a nil optional is written as NULL (GRDB's `insert` leaves the column out so its
/// default applies); every column with a default is non-optional in StoreRecords.swift, and
/// `PreparedInsertsTests` compares the stored rows of both ways. A record that does not encode as
/// flat database values is inserted by GRDB instead.
final class PreparedInserts {
    private let db: Database
    private var statements: [ObjectIdentifier: (columns: [String], statement: Statement)] = [:]

    init(_ db: Database) { self.db = db }

    func insert<Record: StoredRecord>(_ record: Record) throws {
        guard let (columns, values) = ColumnValues.of(record) else { return try record.insert(db) }
        let key = ObjectIdentifier(Record.self)
        let prepared: (columns: [String], statement: Statement)
        if let known = statements[key] {
            prepared = known
        } else {
            let sql = "INSERT INTO \(Record.databaseTableName.quotedDatabaseIdentifier) ("
                + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + ") VALUES ("
                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            prepared = (columns, try db.makeStatement(sql: sql))
            statements[key] = prepared
        }
        guard prepared.columns == columns else { return try record.insert(db) }
        try prepared.statement.execute(arguments: StatementArguments(values))
    }
}

/// A flat record's columns and values, in declaration order, nil optionals as NULL; nil when the
/// record holds anything that is not a database value.
enum ColumnValues {
    static func of(_ record: some Encodable) -> (columns: [String], values: [DatabaseValue])? {
        let sink = Sink()
        do { try record.encode(to: ColumnEncoder(sink: sink)) } catch { return nil }
        return sink.failed ? nil : (sink.columns, sink.values)
    }

    final class Sink {
        var columns: [String] = []
        var values: [DatabaseValue] = []
        var failed = false

        func add(_ key: some CodingKey, _ value: DatabaseValue) {
            columns.append(key.stringValue)
            values.append(value)
        }

        func add<T: Encodable>(_ key: some CodingKey, _ value: T?) {
            guard let value else { return add(key, .null) }
            guard let convertible = value as? any DatabaseValueConvertible else { failed = true; return }
            add(key, convertible.databaseValue)
        }
    }

    struct ColumnEncoder: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Columns(sink: sink))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.failed = true
            return Unsupported()
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            sink.failed = true
            return Unsupported()
        }
    }

    struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { sink.add(key, .null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { sink.add(key, value) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { sink.add(key, value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            sink.failed = true
            return KeyedEncodingContainer(Columns<NestedKey>(sink: Sink()))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.failed = true
            return Unsupported()
        }

        mutating func superEncoder() -> any Encoder {
            sink.failed = true
            return ColumnEncoder(sink: Sink())
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    /// What a flat record never asks for: accepts anything, and the sink is already marked failed.
    struct Unsupported: UnkeyedEncodingContainer, SingleValueEncodingContainer {
        var codingPath: [any CodingKey] = []
        var count = 0

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {}

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Columns<NestedKey>(sink: Sink()))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unsupported() }
        mutating func superEncoder() -> any Encoder { ColumnEncoder(sink: Sink()) }
    }
}
