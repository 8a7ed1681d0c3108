import PGClient

/// The same schema steps as the SQLite store (`SchemaSteps`), under the same append-only names,
/// so a team store and a laptop store hold identical tables and `arena sync` copies rows column
/// for column.
///
/// Applied in one transaction per migration, under a transaction-level advisory lock, so several
/// arena processes opening a new database at once never apply a step twice.
enum PostgresMigrations {
    static let steps = SchemaSteps.steps(.postgres)

    /// An arbitrary constant naming arena's migration lock among the server's advisory locks.
    static let lockKey = 0x6172_656E_61

    /// Applies the steps not applied yet (up to and including `last`, for tests that write a store
    /// as an older arena did); returns the names applied in all.
    static func migrate(_ connection: PostgresConnection, upTo last: String? = nil) throws -> [String] {
        let wanted = last.flatMap { name in steps.firstIndex { $0.name == name } }.map { steps[...$0] } ?? steps[...]
        try connection.transaction { connection in
            _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
            _ = try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS arena_migrations (
                    name TEXT PRIMARY KEY NOT NULL,
                    applied_at DOUBLE PRECISION NOT NULL
                )
                """)
        }
        for step in wanted {
            try connection.transaction { connection in
                _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
                let done = try connection.execute("SELECT 1 FROM arena_migrations WHERE name = $1", [.string(step.name)])
                guard done.count == 0 else { return }
                _ = try connection.executeScript(step.sql)
                if step.name == SchemaSteps.rankingTallyStep { try PostgresBackend.rebuildRankingTallies(connection) }
                _ = try connection.execute("INSERT INTO arena_migrations (name, applied_at) VALUES ($1, extract(epoch from now()))",
                                           [.string(step.name)])
            }
        }
        return try connection.execute("SELECT name FROM arena_migrations ORDER BY applied_at, name")
            .rows.compactMap { try $0.string("name") }
    }
}
