/// The isolation level of a transaction (`BEGIN ISOLATION LEVEL …`).
public enum PostgresIsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT; a throw from `body` rolls back and is rethrown as
    /// it was. With `retries` > 0, a serialization failure or deadlock (40001, 40P01: at any
    /// statement or at COMMIT) runs the whole transaction again, up to `retries` more times,
    /// after a short random pause — so `body` must have no effects outside the database.
    ///
    /// ```swift
    /// let total = try conn.transaction(isolation: .serializable, retries: 3) { conn in
    ///     try conn.execute("UPDATE accounts SET balance = balance - 10 WHERE id = $1", [1])
    ///     return try conn.execute("SELECT sum(balance) AS total FROM accounts").first?.int("total")
    /// }
    /// ```
    ///
    /// Throws PostgresError (BEGIN, COMMIT, or from `body`) or whatever `body` throws. Nesting is
    /// refused: a transaction must not already be open on the connection.
    public func transaction<T>(isolation: PostgresIsolationLevel? = nil, retries: Int = 0,
                               _ body: (PostgresConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try transactionOnce(isolation: isolation, body)
            } catch let error as PostgresError where error.isSerializationFailure && attempt <= retries {
                Libpq.pause(milliseconds: Int.random(in: 5...20) * attempt)
            }
        }
    }

    private func transactionOnce<T>(isolation: PostgresIsolationLevel?, _ body: (PostgresConnection) throws -> T) throws -> T {
        guard !inTransaction else {
            throw PostgresError("a transaction is already open on \(redactedURL); transactions do not nest")
        }
        try execute(isolation.map { "BEGIN ISOLATION LEVEL \($0.rawValue)" } ?? "BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            // The body's error is the one worth reporting; a failed ROLLBACK (say, on a lost
            // connection) leaves nothing behind on the server anyway.
            _ = try? execute("ROLLBACK")
            throw error
        }
        let commit: PostgresResult
        do {
            commit = try execute("COMMIT")
        } catch {
            if inTransaction { _ = try? execute("ROLLBACK") }
            throw error
        }
        // COMMIT of a transaction in which a statement failed (and `body` caught the error)
        // succeeds with the tag ROLLBACK: nothing was saved, so that is an error here.
        guard commit.commandTag != "ROLLBACK" else {
            throw PostgresError("the transaction was rolled back: a statement in it failed")
        }
        return value
    }
}
