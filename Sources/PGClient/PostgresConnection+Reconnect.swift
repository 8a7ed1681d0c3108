extension PostgresConnection {
    /// Runs `body`; if it fails because the connection was lost (server restart, admin
    /// shutdown, network drop), reconnects with `reset()` and runs `body` again.
    ///
    /// Up to `attempts` reconnections in all: the first right away, then each after `delay`,
    /// while the server is still unreachable. Any other error is rethrown at once, and so is
    /// the last connection error once the attempts are spent.
    ///
    /// Only for idempotent work: a lost connection may have happened after the server
    /// committed, so `body` can run again after its effects already took place.
    public func withReconnect<T>(attempts: Int = 5, delay: Duration = .milliseconds(200),
                                 _ body: (PostgresConnection) throws -> T) throws -> T {
        var reconnectsLeft = attempts
        while true {
            do {
                return try body(self)
            } catch let error as PostgresError where error.isConnectionLost && reconnectsLeft > 0 {
                try reconnect(after: error, reconnectsLeft: &reconnectsLeft, delay: delay)
            }
        }
    }

    /// Resets until the connection is back or no attempts remain (then throws the last error).
    private func reconnect(after error: PostgresError, reconnectsLeft: inout Int, delay: Duration) throws(PostgresError) {
        var lastError = error
        var first = true
        while reconnectsLeft > 0 {
            reconnectsLeft -= 1
            if !first { Libpq.pause(milliseconds: Int(delay / .milliseconds(1))) }
            first = false
            do {
                try reset()
                return
            } catch {
                lastError = error
                guard error.isConnectionLost else { throw error }
            }
        }
        throw lastError
    }
}
