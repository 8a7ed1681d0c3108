/// An error from PostgreSQL or from libpq, with a one-line message safe to show the user.
///
/// The message never contains a password: connection errors name the server by its redacted URL
/// (`postgres://user@host:port/db`), and any password text is stripped from libpq's own words.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line: the server's primary message, plus its detail in parentheses when it gave one.
    public let message: String

    /// The five-character SQLSTATE (`23505`, `40001`…), or nil for errors libpq made up itself
    /// (connection refused, server closed the connection…).
    public let sqlState: String?

    /// Set when libpq reported the connection as bad (PQstatus == CONNECTION_BAD).
    let connectionBad: Bool

    public init(_ message: String, sqlState: String? = nil, connectionBad: Bool = false) {
        self.message = message
        self.sqlState = sqlState
        self.connectionBad = connectionBad
    }

    public var description: String {
        sqlState.map { "\(message) [SQLSTATE \($0)]" } ?? message
    }

    /// `23505 unique_violation`: a row with the same unique key already exists.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// `40001 serialization_failure` or `40P01 deadlock_detected`: the transaction was rolled
    /// back and may well succeed if run again from the start.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// The connection is gone (or the server refuses new ones for now): libpq reports it bad,
    /// or SQLSTATE class 08 (connection exception), `57P01` admin shutdown, `57P02` crash
    /// shutdown or `57P03` cannot connect now. `PostgresConnection.reset()` may bring it back.
    public var isConnectionLost: Bool {
        if connectionBad { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }
}
