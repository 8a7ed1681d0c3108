import PGClient

/// The same schema as `StoreMigrations` (SQLite), in PostgreSQL's dialect, under the same
/// append-only migration names, so a team store and a laptop store hold identical tables and
/// `arena sync` copies rows column for column. Booleans stay 0/1 integers and times stay seconds
/// since 1970 (DOUBLE PRECISION), as in SQLite.
///
/// Applied in one transaction per migration, under a transaction-level advisory lock, so several
/// arena processes opening a new database at once never apply a step twice.
enum PostgresMigrations {
    static let steps: [(name: String, sql: String)] = [
        ("v1-battles-answers-verdicts", """
            CREATE TABLE battle (
                id TEXT PRIMARY KEY NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                mode TEXT NOT NULL CHECK (mode IN ('ask', 'screen', 'run', 'import')),
                blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
                system_prompt TEXT,
                seat_count INTEGER NOT NULL CHECK (seat_count BETWEEN 1 AND 8),
                leaked_words TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX battle_created_at ON battle(created_at);
            CREATE TABLE seat (
                battle_id TEXT NOT NULL REFERENCES battle(id) ON DELETE CASCADE,
                seat_index INTEGER NOT NULL CHECK (seat_index BETWEEN 0 AND 7),
                model_name TEXT NOT NULL,
                provider TEXT NOT NULL,
                model_id TEXT NOT NULL,
                base_url TEXT NOT NULL,
                PRIMARY KEY (battle_id, seat_index)
            );
            CREATE INDEX seat_model_name ON seat(model_name);
            CREATE TABLE turn (
                battle_id TEXT NOT NULL REFERENCES battle(id) ON DELETE CASCADE,
                turn_index INTEGER NOT NULL CHECK (turn_index >= 0),
                prompt TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (battle_id, turn_index)
            );
            CREATE TABLE answer (
                battle_id TEXT NOT NULL,
                turn_index INTEGER NOT NULL,
                seat_index INTEGER NOT NULL,
                text TEXT NOT NULL,
                reasoning TEXT NOT NULL DEFAULT '',
                finish_reason TEXT NOT NULL CHECK (finish_reason IN
                    ('stop', 'length', 'content_filter', 'tool_calls', 'truncated', 'cancelled', 'error')),
                error_kind TEXT,
                error_message TEXT,
                error_status INTEGER,
                ttft_ms DOUBLE PRECISION,
                duration_ms DOUBLE PRECISION,
                input_tokens INTEGER,
                output_tokens INTEGER,
                reasoning_tokens INTEGER,
                tokens_estimated INTEGER NOT NULL CHECK (tokens_estimated IN (0, 1)),
                cost_usd DOUBLE PRECISION CHECK (cost_usd IS NULL OR cost_usd >= 0),
                PRIMARY KEY (battle_id, turn_index, seat_index),
                FOREIGN KEY (battle_id, turn_index) REFERENCES turn(battle_id, turn_index) ON DELETE CASCADE,
                FOREIGN KEY (battle_id, seat_index) REFERENCES seat(battle_id, seat_index) ON DELETE CASCADE,
                CHECK ((error_kind IS NULL) = (error_message IS NULL))
            );
            CREATE TABLE verdict (
                battle_id TEXT NOT NULL,
                turn_index INTEGER NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('seat', 'tie', 'bad', 'skip')),
                winner_seat INTEGER,
                rater TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (battle_id, turn_index),
                FOREIGN KEY (battle_id, turn_index) REFERENCES turn(battle_id, turn_index) ON DELETE CASCADE,
                FOREIGN KEY (battle_id, winner_seat) REFERENCES seat(battle_id, seat_index),
                CHECK ((outcome = 'seat') = (winner_seat IS NOT NULL))
            );
            CREATE INDEX verdict_created_at ON verdict(created_at);
            """),
        ("v2-verdict-blind", """
            ALTER TABLE verdict ADD COLUMN blind INTEGER NOT NULL DEFAULT 1 CHECK (blind IN (0, 1));
            """),
        ("v3-suite-runs", """
            CREATE TABLE run_answer (
                suite TEXT NOT NULL,
                prompt_id TEXT NOT NULL,
                repeat_index INTEGER NOT NULL CHECK (repeat_index >= 0),
                model_name TEXT NOT NULL,
                provider TEXT NOT NULL,
                model_id TEXT NOT NULL,
                prompt_fingerprint TEXT NOT NULL,
                conversation TEXT NOT NULL,
                text TEXT NOT NULL,
                reasoning TEXT NOT NULL DEFAULT '',
                finish_reason TEXT NOT NULL CHECK (finish_reason IN
                    ('stop', 'length', 'content_filter', 'tool_calls', 'truncated', 'cancelled', 'error')),
                error_kind TEXT,
                error_message TEXT,
                error_status INTEGER,
                ttft_ms DOUBLE PRECISION,
                duration_ms DOUBLE PRECISION,
                input_tokens INTEGER,
                output_tokens INTEGER,
                reasoning_tokens INTEGER,
                tokens_estimated INTEGER NOT NULL CHECK (tokens_estimated IN (0, 1)),
                cost_usd DOUBLE PRECISION CHECK (cost_usd IS NULL OR cost_usd >= 0),
                created_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (suite, prompt_id, repeat_index, model_name),
                CHECK ((error_kind IS NULL) = (error_message IS NULL))
            );
            CREATE INDEX run_answer_model ON run_answer(model_name);
            """),
        ("v4-judging", """
            ALTER TABLE battle ADD COLUMN suite TEXT;
            ALTER TABLE battle ADD COLUMN prompt_id TEXT;
            ALTER TABLE battle ADD COLUMN repeat_index INTEGER;
            CREATE INDEX battle_suite ON battle(suite, prompt_id);
            CREATE TABLE adequacy (
                suite TEXT NOT NULL,
                prompt_id TEXT NOT NULL,
                repeat_index INTEGER NOT NULL,
                model_name TEXT NOT NULL,
                rater TEXT NOT NULL,
                adequate INTEGER NOT NULL CHECK (adequate IN (0, 1)),
                created_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (suite, prompt_id, repeat_index, model_name, rater),
                FOREIGN KEY (suite, prompt_id, repeat_index, model_name)
                    REFERENCES run_answer(suite, prompt_id, repeat_index, model_name) ON DELETE CASCADE
            );
            """),
        ("v5-judge-claims", """
            CREATE TABLE judge_claim (
                suite TEXT NOT NULL,
                item TEXT NOT NULL,
                rater TEXT NOT NULL,
                claimed_at DOUBLE PRECISION NOT NULL,
                done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
                PRIMARY KEY (suite, item)
            );
            CREATE INDEX verdict_rater ON verdict(rater);
            """),
    ]

    /// An arbitrary constant naming arena's migration lock among the server's advisory locks.
    static let lockKey = 0x6172_656E_61

    /// Applies the steps not applied yet; returns the names applied in all.
    static func migrate(_ connection: PostgresConnection) throws -> [String] {
        try connection.transaction { connection in
            _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
            _ = try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS arena_migrations (
                    name TEXT PRIMARY KEY NOT NULL,
                    applied_at DOUBLE PRECISION NOT NULL
                )
                """)
        }
        for step in steps {
            try connection.transaction { connection in
                _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
                let done = try connection.execute("SELECT 1 FROM arena_migrations WHERE name = $1", [.string(step.name)])
                guard done.count == 0 else { return }
                _ = try connection.executeScript(step.sql)
                _ = try connection.execute("INSERT INTO arena_migrations (name, applied_at) VALUES ($1, extract(epoch from now()))",
                                           [.string(step.name)])
            }
        }
        return try connection.execute("SELECT name FROM arena_migrations ORDER BY applied_at, name")
            .rows.compactMap { try $0.string("name") }
    }
}
