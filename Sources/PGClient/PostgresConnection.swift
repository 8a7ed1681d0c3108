import CLibpq
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One synchronous connection to PostgreSQL over libpq.
///
/// ```swift
/// let conn = try PostgresConnection(url: "postgres://arena@db.example:5432/arena?sslmode=require")
/// try conn.executeScript("CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, name text)")
/// try conn.execute("INSERT INTO t VALUES ($1, $2)", [1, "one"])
/// let name = try conn.execute("SELECT name FROM t WHERE id = $1", [1]).first?.string("name")
/// ```
///
/// libpq reads the URL (or `key=value` string) itself, so PGPASSWORD, PGPASSFILE/~/.pgpass,
/// PGSSLMODE/`sslmode`, PGHOST, PGPORT, `connect_timeout`… all work as in psql. The client
/// encoding is always UTF8. Server notices ("relation already exists, skipping") are dropped.
///
/// Not thread-safe: use a connection from one thread or task at a time (it is not Sendable).
/// Every call blocks until the server answers — from async code, use it through a
/// `PostgresWorker`, so the blocked thread is the worker's and not one of the cooperative pool's.
public final class PostgresConnection {
    /// `postgres://user@host:port/db` — the URL without its password, for messages and logs.
    public let redactedURL: String

    private var handle: OpaquePointer?
    private let connectionString: ConnectionString

    /// Connects, or throws a PostgresError whose message names `redactedURL` and never a password.
    public init(url: String) throws(PostgresError) {
        connectionString = ConnectionString(url)
        redactedURL = connectionString.redactedURL
        if let parseError = connectionString.parseError {
            throw PostgresError("invalid connection string: \(parseError)")
        }
        // expand_dbname = 1: libpq expands `url` as a URI or key/value string, and the
        // later client_encoding entry overrides whatever it says.
        let keywords = ["dbname", "client_encoding"]
        let values = [url, "UTF8"]
        let connection = Libpq.withCStringArray(keywords) { keywords in
            Libpq.withCStringArray(values) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else { throw PostgresError("cannot connect to \(redactedURL): out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let error = connectionError(connection, "cannot connect to \(redactedURL)")
            PQfinish(connection)
            throw error
        }
        handle = connection
        Self.silenceNotices(connection)
    }

    deinit { close() }

    /// Closes the connection (PQfinish). Later calls throw; closing twice is harmless.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    // MARK: - State

    /// Whether libpq believes the connection is usable (it only finds out about a dead server
    /// when it next talks to it).
    public var isConnected: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Whether a transaction is open (or failed and awaiting ROLLBACK) on this connection.
    public var inTransaction: Bool {
        guard let handle else { return false }
        return PQtransactionStatus(handle) != PQTRANS_IDLE && PQtransactionStatus(handle) != PQTRANS_UNKNOWN
    }

    /// The server's process id for this session (for pg_terminate_backend, logs).
    public var backendPID: Int { handle.map { Int(PQbackendPID($0)) } ?? 0 }

    /// The server version as an integer, e.g. 150018 for 15.18.
    public var serverVersion: Int { handle.map { Int(PQserverVersion($0)) } ?? 0 }

    // MARK: - Statements

    /// Runs one statement with `$1, $2…` parameters (sent as text; nil is NULL) and returns its
    /// rows as text. Throws PostgresError for SQL errors and lost connections.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue?] = []) throws(PostgresError) -> PostgresResult {
        let handle = try openHandle()
        var texts: [String?] = []
        for (offset, parameter) in parameters.enumerated() {
            let text = parameter?.text
            if let text, text.utf8.contains(0) {
                throw PostgresError("parameter $\(offset + 1) contains a NUL character, which PostgreSQL text cannot hold")
            }
            texts.append(text)
        }
        let result = Libpq.withCStringArray(texts) { values in
            PQexecParams(handle, sql, Int32(texts.count), nil, values, nil, nil, 0)
        }
        return try finish(result, handle)
    }

    /// Runs several `;`-separated statements in one go (PQexec, no parameters), e.g. a schema.
    /// Unless the script has its own BEGIN/COMMIT, the server runs it as one implicit
    /// transaction: all of it or none. Returns the last statement's result.
    @discardableResult
    public func executeScript(_ sql: String) throws(PostgresError) -> PostgresResult {
        let handle = try openHandle()
        return try finish(PQexec(handle, sql), handle)
    }

    // MARK: - Reconnecting

    /// Drops the connection and opens a new one with the same settings (PQreset). Throws a
    /// connection-lost PostgresError when the server cannot be reached yet.
    public func reset() throws(PostgresError) {
        let handle = try openHandle()
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw connectionError(handle, "cannot reconnect to \(redactedURL)")
        }
        Self.silenceNotices(handle)
    }

    // MARK: - libpq plumbing

    private func openHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle else { throw PostgresError("the connection to \(redactedURL) is closed") }
        return handle
    }

    /// Turns a PGresult into a PostgresResult or a PostgresError, and frees it.
    private func finish(_ result: OpaquePointer?, _ handle: OpaquePointer) throws(PostgresError) -> PostgresResult {
        guard let result else {
            // NULL: out of memory, or the query could not even be sent.
            let bad = PQstatus(handle) == CONNECTION_BAD
            throw connectionError(handle, bad ? "lost the connection to \(redactedURL)" : "query failed on \(redactedURL)")
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.copy(result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(handle, status)
            throw PostgresError("COPY FROM STDIN / TO STDOUT is not supported by this client")
        default:
            throw error(from: result, handle)
        }
    }

    /// Copies every value out of the PGresult, so nothing points into libpq afterwards.
    private static func copy(_ result: OpaquePointer) -> PostgresResult {
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        return PostgresResult(columns: columns, rows: rows,
                              affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0,
                              commandTag: String(cString: PQcmdStatus(result)))
    }

    /// The error a failed PGresult describes: primary message (+ detail), SQLSTATE.
    private func error(from result: OpaquePointer, _ handle: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            PQresultErrorField(result, Int32(code)).map { Libpq.oneLine(String(cString: $0)) }
        }
        let sqlState = field(UInt8(ascii: "C"))
        var message = field(UInt8(ascii: "M")) ?? Libpq.oneLine(String(cString: PQresultErrorMessage(result)))
        if message.isEmpty { message = Libpq.oneLine(String(cString: PQerrorMessage(handle))) }
        if message.isEmpty { message = "unknown error from \(redactedURL)" }
        if let detail = field(UInt8(ascii: "D")), !detail.isEmpty { message += " (\(detail))" }
        let connectionBad = PQstatus(handle) == CONNECTION_BAD
        if connectionBad && sqlState == nil { message = "lost the connection to \(redactedURL): \(message)" }
        return PostgresError(connectionString.strip(message), sqlState: sqlState, connectionBad: connectionBad)
    }

    /// A connection-level error: libpq's PQerrorMessage, stripped of secrets, after `context`.
    private func connectionError(_ handle: OpaquePointer, _ context: String) -> PostgresError {
        let reason = connectionString.strip(Libpq.oneLine(String(cString: PQerrorMessage(handle))))
        return PostgresError(reason.isEmpty ? context : "\(context): \(reason)",
                             connectionBad: PQstatus(handle) == CONNECTION_BAD)
    }

    /// Leaves COPY mode (which `execute` does not support) so the connection stays usable:
    /// COPY FROM STDIN is ended with an error, COPY TO STDOUT is read to its end and dropped.
    private func abandonCopy(_ handle: OpaquePointer, _ status: ExecStatusType) {
        if status == PGRES_COPY_IN {
            _ = PQputCopyEnd(handle, "COPY FROM STDIN is not supported by this client")
        } else {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 { PQfreemem(buffer) }
        }
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// Drops server notices (NOTICE, WARNING…) instead of printing them on stderr.
    private static func silenceNotices(_ handle: OpaquePointer) {
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }
}
