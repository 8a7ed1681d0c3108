/// The store's schema, once, for both backends: named, append-only steps. Never edit a released
/// step: add a new one. Constraints live here, in the schema, not only in Swift.
///
/// The text is SQLite's, as released; PostgreSQL runs the same text with `REAL` columns (seconds
/// since 1970, money, milliseconds) declared `DOUBLE PRECISION`, PostgreSQL's `REAL` being a
/// 4-byte float. Booleans stay 0/1 integers on both, so rows copy column for column. A step that
/// moves data with functions the two do not share has a text per dialect (`battleLeak`).
enum SchemaSteps {
    enum Dialect { case sqlite, postgres }

    static func steps(_ dialect: Dialect) -> [(name: String, sql: String)] {
        let shared = switch dialect {
        case .sqlite: released
        case .postgres: released.map { ($0.name, $0.sql.replacingOccurrences(of: " REAL", with: " DOUBLE PRECISION")) }
        }
        return shared + [("v6-battle-leak", battleLeak(dialect)), ("v7-verdict-ranking", verdictRanking(dialect)),
                         // Prompt history reads the newest turns first (`recentPromptsSQL`).
                         ("v8-turn-created-at", "CREATE INDEX turn_created_at ON turn(created_at);"),
                         (rankingTallyStep, rankingTallySQL),
                         // What the server said answered: the resolved model and its fingerprint.
                         ("v10-served-model", """
                            ALTER TABLE answer ADD COLUMN served_model TEXT;
                            ALTER TABLE answer ADD COLUMN served_fingerprint TEXT;
                            ALTER TABLE run_answer ADD COLUMN served_model TEXT;
                            ALTER TABLE run_answer ADD COLUMN served_fingerprint TEXT;
                            """)]
    }

    /// How many verdicts have each `RankingShape` (its `code`), kept by every write in the same
    /// transaction (`RankingTallyDelta`) and filled from the verdicts already stored when this
    /// step is applied. No CHECK on the count: a tally out of step must never refuse a vote;
    /// `arena store verify` finds it.
    static let rankingTallyStep = "v9-ranking-tally"
    private static let rankingTallySQL = """
        CREATE TABLE ranking_tally (
            shape TEXT PRIMARY KEY NOT NULL,
            verdicts INTEGER NOT NULL
        );
        """

    /// The screen's prompt history: distinct prompts, most recently used last, found among the
    /// newest `limit × 25` turns (read through `turn_created_at`, so it costs the same whatever
    /// the store holds). One text for both backends; the placeholder is the dialect's.
    static func recentPromptsSQL(_ dialect: Dialect) -> String {
        let (limit, window) = dialect == .sqlite ? ("?", "? * 25") : ("$1", "$1 * 25")
        return """
            SELECT prompt FROM (SELECT prompt, created_at FROM turn ORDER BY created_at DESC LIMIT \(window)) recent
            GROUP BY prompt ORDER BY max(created_at) DESC LIMIT \(limit)
            """
    }

    private static let released: [(name: String, sql: String)] = [
        ("v1-battles-answers-verdicts", """
            CREATE TABLE battle (
                id TEXT PRIMARY KEY NOT NULL,
                created_at REAL NOT NULL,
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
                created_at REAL NOT NULL,
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
                ttft_ms REAL,
                duration_ms REAL,
                input_tokens INTEGER,
                output_tokens INTEGER,
                reasoning_tokens INTEGER,
                tokens_estimated INTEGER NOT NULL CHECK (tokens_estimated IN (0, 1)),
                cost_usd REAL CHECK (cost_usd IS NULL OR cost_usd >= 0),
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
                created_at REAL NOT NULL,
                PRIMARY KEY (battle_id, turn_index),
                FOREIGN KEY (battle_id, turn_index) REFERENCES turn(battle_id, turn_index) ON DELETE CASCADE,
                FOREIGN KEY (battle_id, winner_seat) REFERENCES seat(battle_id, seat_index),
                CHECK ((outcome = 'seat') = (winner_seat IS NOT NULL))
            );
            CREATE INDEX verdict_created_at ON verdict(created_at);
            """),
        // A verdict cast after the names were revealed (a follow-up turn) is not blind.
        ("v2-verdict-blind", "ALTER TABLE verdict ADD COLUMN blind INTEGER NOT NULL DEFAULT 1 CHECK (blind IN (0, 1))"),
        // One answer of a batch run: suite × prompt × repeat × model. A failed request is kept
        // as a failure (error_kind set), never as an answer, and is retried by the next run.
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
                ttft_ms REAL,
                duration_ms REAL,
                input_tokens INTEGER,
                output_tokens INTEGER,
                reasoning_tokens INTEGER,
                tokens_estimated INTEGER NOT NULL CHECK (tokens_estimated IN (0, 1)),
                cost_usd REAL CHECK (cost_usd IS NULL OR cost_usd >= 0),
                created_at REAL NOT NULL,
                PRIMARY KEY (suite, prompt_id, repeat_index, model_name),
                CHECK ((error_kind IS NULL) = (error_message IS NULL))
            );
            CREATE INDEX run_answer_model ON run_answer(model_name);
            """),
        // Battles judged from stored run answers name the suite prompt they compare.
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
                created_at REAL NOT NULL,
                PRIMARY KEY (suite, prompt_id, repeat_index, model_name, rater),
                FOREIGN KEY (suite, prompt_id, repeat_index, model_name)
                    REFERENCES run_answer(suite, prompt_id, repeat_index, model_name) ON DELETE CASCADE
            );
            """),
        // A judge's hold on a pending comparison (several people judging one suite at once).
        ("v5-judge-claims", """
            CREATE TABLE judge_claim (
                suite TEXT NOT NULL,
                item TEXT NOT NULL,
                rater TEXT NOT NULL,
                claimed_at REAL NOT NULL,
                done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
                PRIMARY KEY (suite, item)
            );
            CREATE INDEX verdict_rater ON verdict(rater);
            """),
    ]
}
