import PGClient

/// Turns the store's `Codable` row structs into columns and values for PostgreSQL, and result rows
/// back into structs, so both backends share one definition of every table's columns
/// (StoreRecords.swift). NULLs are kept as columns (an upsert must be able to clear a field);
/// booleans are the schema's 0/1 integers; a `StoredEnumeration` is its raw word.
///
/// ```swift
/// let columns = try PostgresRowCoding.columns(of: VerdictRow(record))   // [("battle_id", .string(…)), …]
/// let row = try PostgresRowCoding.decode(VerdictRow.self, from: result[0])
/// ```
///
/// Traps: a stored word the enum does not know throws `StoreError.unknownValue` naming
/// `table.column`, as the SQLite backend does; any other mismatch is a `DecodingError`.
enum PostgresRowCoding {
    static func columns<T: Encodable>(of row: T) throws -> [(name: String, value: PostgresValue?)] {
        let encoder = ColumnEncoder()
        try row.encode(to: encoder)
        return encoder.storage.columns
    }

    static func decode<T: StoredRecord>(_ type: T.Type, from row: PostgresRow) throws -> T {
        try T(from: ColumnDecoder(row: row, table: T.databaseTableName))
    }
}

private final class ColumnStorage {
    var columns: [(name: String, value: PostgresValue?)] = []
}

private struct ColumnEncoder: Encoder {
    let storage = ColumnStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("rows are keyed") }
    func singleValueContainer() -> any SingleValueEncodingContainer { fatalError("rows are keyed") }

    struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: ColumnStorage
        var codingPath: [any CodingKey] { [] }

        func add(_ key: Key, _ value: PostgresValue?) { storage.columns.append((key.stringValue, value)) }
        mutating func encodeNil(forKey key: Key) throws { add(key, nil) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .int(value ? 1 : 0)) }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .int(value)) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { add(key, value.map { .int($0 ? 1 : 0) }) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { add(key, value.map { .string($0) }) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { add(key, value.map { .double($0) }) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { add(key, value.map { .int($0) }) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard let word = value as? any StoredEnumeration else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "unsupported column type \(T.self)"))
            }
            add(key, .string(word.rawValue))
        }
        /// The default would leave a nil enum out instead of writing NULL.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { add(key, nil) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            fatalError("rows are flat")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { fatalError("rows are flat") }
        mutating func superEncoder() -> any Encoder { fatalError("rows are flat") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("rows are flat") }
    }
}

private struct ColumnDecoder: Decoder {
    let row: PostgresRow
    /// The table the row is from, to name a column holding an unknown word.
    let table: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container(row: row, table: table))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch("an unkeyed container") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw mismatch("a single value") }

    func mismatch(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "rows are keyed, not \(what)"))
    }

    struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: PostgresRow
        let table: String
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { row.columns.contains(key.stringValue) }
        func decodeNil(forKey key: Key) throws -> Bool { try row.isNull(key.stringValue) }

        func required<T>(_ value: T?, _ key: Key) throws -> T {
            guard let value else {
                throw DecodingError.valueNotFound(T.self, .init(codingPath: [key], debugDescription: "NULL in \(key.stringValue)"))
            }
            return value
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            let text = try required(row.string(key.stringValue), key)
            return text == "1" || text == "t" || text == "true"
        }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(row.string(key.stringValue), key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(row.double(key.stringValue), key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(row.int(key.stringValue), key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let word = T.self as? any StoredEnumeration.Type else {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: [key], debugDescription: "unsupported column type"))
            }
            let raw = try required(row.string(key.stringValue), key)
            guard let value = word.init(rawValue: raw) as? T else {
                throw StoreError.unknownValue(raw, column: "\(table).\(key.stringValue)")
            }
            return value
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "rows are flat"))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "rows are flat"))
        }
        func superDecoder() throws -> any Decoder { throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "rows are flat")) }
        func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder() }
    }
}
