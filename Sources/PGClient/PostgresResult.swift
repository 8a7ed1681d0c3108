/// The outcome of one statement: its rows (all copied out of libpq, as text) and counts.
///
/// ```swift
/// let result = try conn.execute("SELECT id, name FROM users WHERE id = $1", [7])
/// for row in result.rows { print(try row.int("id")!, try row.string("name") ?? "-") }
/// ```
public struct PostgresResult: Sendable {
    /// Column names, in order (empty for statements that return no rows).
    public let columns: [String]
    /// Every row the statement returned.
    public let rows: [PostgresRow]
    /// Rows inserted, updated, deleted, selected… as libpq's PQcmdTuples reports; 0 when the
    /// command has no count (CREATE TABLE, BEGIN…).
    public let affectedRows: Int
    /// The command tag, e.g. `INSERT 0 1`, `UPDATE 3`, `CREATE TABLE` (PQcmdStatus).
    public let commandTag: String

    public init(columns: [String], rows: [[String?]], affectedRows: Int, commandTag: String) {
        let index = PostgresRow.ColumnIndex(columns)
        self.columns = columns
        self.rows = rows.map { PostgresRow(index: index, values: $0) }
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// The first row, if any.
    public var first: PostgresRow? { rows.first }

    public subscript(row: Int) -> PostgresRow { rows[row] }
}

/// One row: text values by column name or position, with typed accessors.
///
/// Accessors return nil for SQL NULL and throw when the column does not exist or its text
/// does not parse as the type asked for.
public struct PostgresRow: Sendable {
    /// Column name → first position with that name.
    struct ColumnIndex: Sendable {
        let names: [String]
        let positions: [String: Int]

        init(_ names: [String]) {
            self.names = names
            positions = names.enumerated().reduce(into: [:]) { map, entry in
                if map[entry.element] == nil { map[entry.element] = entry.offset }
            }
        }
    }

    let index: ColumnIndex
    /// The raw text of each column, nil for NULL.
    public let values: [String?]

    /// The column names, in result order.
    public var columns: [String] { index.names }

    /// The text of a column, nil for NULL.
    public func string(_ column: String) throws(PostgresError) -> String? { values[try position(of: column)] }
    public func string(at position: Int) throws(PostgresError) -> String? { values[try checked(position)] }

    /// A column as an Int (integer, bigint, smallint…), nil for NULL.
    public func int(_ column: String) throws(PostgresError) -> Int? { try parse(column, "an integer", Int.init) }
    public func int(at position: Int) throws(PostgresError) -> Int? { try parse(at: position, "an integer", Int.init) }

    /// A column as a Double (double precision, real, numeric; `NaN`, `Infinity`), nil for NULL.
    public func double(_ column: String) throws(PostgresError) -> Double? { try parse(column, "a number", Self.double) }
    public func double(at position: Int) throws(PostgresError) -> Double? { try parse(at: position, "a number", Self.double) }

    /// A boolean column (`t`/`f`, or `true`/`false` text), nil for NULL.
    public func bool(_ column: String) throws(PostgresError) -> Bool? { try parse(column, "a boolean", Self.bool) }
    public func bool(at position: Int) throws(PostgresError) -> Bool? { try parse(at: position, "a boolean", Self.bool) }

    /// Whether a column is SQL NULL.
    public func isNull(_ column: String) throws(PostgresError) -> Bool { values[try position(of: column)] == nil }
    public func isNull(at position: Int) throws(PostgresError) -> Bool { values[try checked(position)] == nil }

    // MARK: - Parsing

    static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }

    private func position(of column: String) throws(PostgresError) -> Int {
        guard let position = index.positions[column] else {
            throw PostgresError("no column \"\(column)\" in the result (columns: \(index.names.joined(separator: ", ")))")
        }
        return position
    }

    private func checked(_ position: Int) throws(PostgresError) -> Int {
        guard values.indices.contains(position) else {
            throw PostgresError("no column at position \(position) in a result of \(values.count) columns")
        }
        return position
    }

    private func parse<T>(_ column: String, _ kind: String, _ convert: (String) -> T?) throws(PostgresError) -> T? {
        try parse(at: try position(of: column), kind, convert, name: "\"\(column)\"")
    }

    private func parse<T>(at position: Int, _ kind: String, _ convert: (String) -> T?,
                          name: String? = nil) throws(PostgresError) -> T? {
        guard let text = values[try checked(position)] else { return nil }
        guard let value = convert(text) else {
            let shown = text.count > 40 ? "\(text.prefix(40))…" : text
            throw PostgresError("column \(name ?? String(position)) is not \(kind): \"\(shown)\"")
        }
        return value
    }
}
