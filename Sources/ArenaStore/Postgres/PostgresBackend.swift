import ArenaCore
import Foundation
import PGClient

/// A team's shared store in PostgreSQL, through libpq: the same tables and migrations as the
/// SQLite file. The password comes from `PGPASSWORD`, `~/.pgpass` or the URL, as with psql, and
/// `sslmode` in the URL (or `PGSSLMODE`) is honoured; messages show the URL without the password.
///
/// One connection, on a `PostgresWorker`: used by one operation at a time, on the worker's own
/// thread. Every operation is idempotent (inserts skip rows already there, verdicts are upserts),
/// so when the connection drops — a server restart — it reconnects and runs the operation again
/// for up to about 10 s before reporting the failure.
///
/// Traps: the operations are synchronous and block their caller for as long (that 10 s
/// included); from a task, reach them through `BattleStore.offPool`.
final class PostgresBackend: StoreBackend {
    let displayName: String
    /// The connection, on its own thread (libpq connections are not thread-safe; the store is
    /// shared by the screen's tasks).
    private let worker: PostgresWorker
    /// How long a lost connection is retried: 40 × 250 ms, about 10 s, unless a test says otherwise.
    private let reconnectAttempts: Int
    private let reconnectDelay: Duration

    init(url: String, reconnectAttempts: Int = 40, reconnectDelay: Duration = .milliseconds(250)) throws(StoreError) {
        let redacted = PostgresConnection.redactedURL(url)
        displayName = redacted
        self.reconnectAttempts = reconnectAttempts
        self.reconnectDelay = reconnectDelay
        do {
            let worker = try PostgresWorker(url: Self.withConnectTimeout(url), label: "arena.store.postgres")
            _ = try worker.runBlocking { try PostgresMigrations.migrate($0) }
            self.worker = worker
        } catch let error as PostgresError {
            throw StoreError("cannot open the store at \(redacted): \(error.message)")
        } catch {
            throw StoreError("cannot open the store at \(redacted): \(error)")
        }
    }

    /// libpq waits for the system's TCP timeout (minutes) on an unreachable host by default.
    static func withConnectTimeout(_ url: String) -> String {
        guard !url.contains("connect_timeout=") else { return url }
        return url + (url.contains("?") ? "&" : "?") + "connect_timeout=10"
    }

    /// Runs `body` on the connection, reconnecting and retrying it when the connection was lost.
    func run<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try worker.runBlocking { connection in
                try connection.withReconnect(attempts: reconnectAttempts, delay: reconnectDelay, body)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw StoreError("store (\(displayName)) failed: \(error.message)")
        } catch {
            throw StoreError("store (\(displayName)) failed: \(error)")
        }
    }

    /// `body` in a transaction, retried as a whole after a lost connection.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        try run { connection in try connection.transaction(retries: 3, body) }
    }

    // MARK: Rows

    static func insert<Row: Encodable>(_ row: Row, into table: String, _ connection: PostgresConnection,
                                       onConflict: String = "DO NOTHING") throws -> Int {
        let columns = try PostgresRowCoding.columns(of: row)
        let names = columns.map(\.name).joined(separator: ", ")
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        return try connection.execute("INSERT INTO \(table) (\(names)) VALUES (\(placeholders)) ON CONFLICT \(onConflict)",
                                      columns.map(\.value)).affectedRows
    }

    static func fetch<Row: StoredRecord>(_ type: Row.Type, _ connection: PostgresConnection, _ sql: String,
                                      _ parameters: [PostgresValue?] = []) throws -> [Row] {
        try connection.execute(sql, parameters).rows.map { try PostgresRowCoding.decode(Row.self, from: $0) }
    }

    // MARK: StoreBackend

    func appliedMigrations() throws(StoreError) -> [String] {
        try run { connection in
            try connection.execute("SELECT name FROM arena_migrations ORDER BY applied_at, name").rows.compactMap { try $0.string("name") }
        }
    }

    func save(battle: Battle, turn turnIndex: Int) throws(StoreError) {
        guard let turn = battle.turns.first(where: { $0.index == turnIndex }) else {
            throw StoreError("battle \(battle.id) has no turn \(turnIndex)")
        }
        try transactionKeepingTallies(battle: battle.id.uuidString) { connection in
            let row = BattleRow(battle)
            if try Self.insert(row, into: "battle", connection) == 1 {
                for seat in battle.seats { _ = try Self.insert(SeatRow(seat, battleID: row.id), into: "seat", connection) }
            }
            // The words found so far, in all turns: replaced as a whole.
            _ = try connection.execute("DELETE FROM battle_leak WHERE battle_id = $1", [.string(row.id)])
            try Self.insertMany(LeakRow.rows(battleID: row.id, words: battle.leakedWords), into: "battle_leak", connection)
            _ = try Self.insert(TurnRow(turn, battleID: row.id), into: "turn", connection)
            for answer in turn.answers {
                _ = try Self.insert(AnswerRow(answer, battleID: row.id, turn: turn.index), into: "answer", connection)
            }
        }
    }

    func save(verdict: VerdictRecord) throws(StoreError) {
        try transactionKeepingTallies(battle: verdict.battleID.uuidString) { connection in
            let id = verdict.battleID.uuidString
            guard try connection.execute("SELECT 1 FROM turn WHERE battle_id = $1 AND turn_index = $2",
                                         [.string(id), .int(verdict.turnIndex)]).count == 1 else {
                throw StoreError("no stored turn \(verdict.turnIndex) of battle \(verdict.battleID)")
            }
            let answers = try Self.fetch(AnswerRow.self, connection, "SELECT * FROM answer WHERE battle_id = $1 AND turn_index = $2",
                                         [.string(id), .int(verdict.turnIndex)])
            if let refusal = verdict.verdict.refusal(answers: answers.map { $0.answer() }) { throw StoreError(refusal) }
            _ = try Self.insert(VerdictRow(verdict), into: "verdict", connection, onConflict: """
                (battle_id, turn_index) DO UPDATE SET outcome = excluded.outcome, winner_seat = excluded.winner_seat, ranking = excluded.ranking,
                rater = excluded.rater, created_at = excluded.created_at, blind = excluded.blind
                """)
        }
    }

    func deleteVerdict(battleID: UUID, turn: Int) throws(StoreError) {
        try transactionKeepingTallies(battle: battleID.uuidString) { connection in
            _ = try connection.execute("DELETE FROM verdict WHERE battle_id = $1 AND turn_index = $2", [.string(battleID.uuidString), .int(turn)])
        }
    }

    func deleteBattle(id: UUID) throws(StoreError) {
        try transactionKeepingTallies(battle: id.uuidString) { connection in
            _ = try connection.execute("DELETE FROM battle WHERE id = $1", [.string(id.uuidString)])
        }
    }

    func verdictCount() throws(StoreError) -> Int {
        try run { connection in try connection.execute("SELECT count(*) AS n FROM verdict WHERE outcome <> 'skip'").first?.int("n") ?? 0 }
    }

    func battleCount() throws(StoreError) -> Int {
        try run { connection in try connection.execute("SELECT count(*) AS n FROM battle").first?.int("n") ?? 0 }
    }

    func importBattles(_ produce: (_ add: ([StoredBattle]) throws -> Int) throws -> Void) throws(StoreError) -> Int {
        try transaction { connection in
            var added = 0
            try produce { battles in
                let new = try Self.insertBatch(battles, connection)
                added += new
                return new
            }
            return added
        }
    }

    func battle(id: UUID) throws(StoreError) -> StoredBattle? {
        try run { connection in
            let key: [PostgresValue?] = [.string(id.uuidString)]
            let rows = try Self.fetch(BattleRow.self, connection, "SELECT * FROM battle WHERE id = $1", key)
            return try StoredBattleAssembler.assemble(
                rows, seats: try Self.fetch(SeatRow.self, connection, "SELECT * FROM seat WHERE battle_id = $1", key),
                turns: try Self.fetch(TurnRow.self, connection, "SELECT * FROM turn WHERE battle_id = $1", key),
                answers: try Self.fetch(AnswerRow.self, connection, "SELECT * FROM answer WHERE battle_id = $1", key),
                verdicts: try Self.fetch(VerdictRow.self, connection, "SELECT * FROM verdict WHERE battle_id = $1", key),
                leaks: try Self.fetch(LeakRow.self, connection, "SELECT * FROM battle_leak WHERE battle_id = $1", key)).first
        }
    }

    func battles(since: Date?) throws(StoreError) -> [StoredBattle] {
        try battles(where: "created_at >= $1", .double(since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude))
    }

    func battles(suite: String) throws(StoreError) -> [StoredBattle] {
        try battles(where: "suite = $1", .string(suite))
    }

    /// The battles for which `condition` (on table `battle`, one parameter) holds, in creation
    /// order, with their children: one query per table.
    private func battles(where condition: String, _ parameter: PostgresValue) throws(StoreError) -> [StoredBattle] {
        try run { connection in
            let key: [PostgresValue?] = [parameter]
            let rows = try Self.fetch(BattleRow.self, connection, "SELECT * FROM battle WHERE \(condition) ORDER BY created_at, id", key)
            func children<Row: StoredRecord>(_ type: Row.Type) throws -> [Row] {
                try Self.fetch(Row.self, connection, """
                    SELECT c.* FROM \(Row.databaseTableName) c JOIN battle b ON b.id = c.battle_id WHERE b.\(condition)
                    """, key)
            }
            return try StoredBattleAssembler.assemble(rows, seats: try children(SeatRow.self), turns: try children(TurnRow.self),
                                                  answers: try children(AnswerRow.self), verdicts: try children(VerdictRow.self),
                                                  leaks: try children(LeakRow.self))
        }
    }

    func recentPrompts(limit: Int) throws(StoreError) -> [String] {
        try run { connection in
            try connection.execute(SchemaSteps.recentPromptsSQL(.postgres), [.int(limit)])
                .rows.compactMap { try $0.string("prompt") }.reversed()
        }
    }

    func save(adequacy mark: AdequacyMark) throws(StoreError) {
        let row = AdequacyRow(suite: mark.key.suite, prompt_id: mark.key.promptID, repeat_index: mark.key.repeatIndex,
                              model_name: mark.key.model, rater: mark.rater, adequate: mark.adequate,
                              created_at: mark.createdAt.timeIntervalSince1970)
        try run { connection in
            _ = try Self.insert(row, into: "adequacy", connection, onConflict: """
                (suite, prompt_id, repeat_index, model_name, rater) DO UPDATE SET adequate = excluded.adequate,
                created_at = excluded.created_at
                """)
        }
    }

    func adequacyMarks(suite: String) throws(StoreError) -> [AdequacyMark] {
        try run { connection in
            try Self.fetch(AdequacyRow.self, connection, "SELECT * FROM adequacy WHERE suite = $1", [.string(suite)]).map { row in
                AdequacyMark(key: .init(suite: row.suite, promptID: row.prompt_id, repeatIndex: row.repeat_index, model: row.model_name),
                             rater: row.rater, adequate: row.adequate, createdAt: Date(timeIntervalSince1970: row.created_at))
            }
        }
    }

    func save(runAnswer: RunAnswer) throws(StoreError) {
        let row = RunAnswerRow(runAnswer)
        try run { connection in
            let columns = try PostgresRowCoding.columns(of: row).map(\.name)
            let updates = columns.filter { !["suite", "prompt_id", "repeat_index", "model_name"].contains($0) }
                .map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            _ = try Self.insert(row, into: "run_answer", connection,
                                onConflict: "(suite, prompt_id, repeat_index, model_name) DO UPDATE SET \(updates)")
        }
    }

    func runAnswers(suite: String) throws(StoreError) -> [RunAnswer] {
        try run { connection in
            try Self.fetch(RunAnswerRow.self, connection, """
                SELECT * FROM run_answer WHERE suite = $1 ORDER BY prompt_id, repeat_index, model_name
                """, [.string(suite)]).map { row throws(StoreError) in try row.run() }
        }
    }

    func completedRunKeys(suite: String) throws(StoreError) -> [RunAnswer.Key: String] {
        try run { connection in
            var keys: [RunAnswer.Key: String] = [:]
            for row in try connection.execute("""
                SELECT prompt_id, repeat_index, model_name, prompt_fingerprint FROM run_answer
                WHERE suite = $1 AND error_kind IS NULL AND finish_reason <> 'cancelled'
                """, [.string(suite)]).rows {
                guard let prompt = try row.string("prompt_id"), let repeatIndex = try row.int("repeat_index"),
                      let model = try row.string("model_name"), let fingerprint = try row.string("prompt_fingerprint") else { continue }
                keys[RunAnswer.Key(suite: suite, promptID: prompt, repeatIndex: repeatIndex, model: model)] = fingerprint
            }
            return keys
        }
    }

    func runSuites() throws(StoreError) -> [String] {
        try run { connection in
            try connection.execute("SELECT DISTINCT suite FROM run_answer ORDER BY suite").rows.compactMap { try $0.string("suite") }
        }
    }

    func claim(_ claim: JudgeClaim, expiringBefore: Date) throws(StoreError) -> Bool {
        try run { connection in
            try connection.execute(JudgeClaimSQL.claim(placeholder: { "$\($0)" }), [
                .string(claim.suite), .string(claim.item), .string(claim.rater),
                .double(claim.claimedAt.timeIntervalSince1970), .double(expiringBefore.timeIntervalSince1970),
            ]).affectedRows == 1
        }
    }

    func finishClaim(suite: String, item: String, done: Bool) throws(StoreError) {
        try run { connection in
            _ = try connection.execute(done ? JudgeClaimSQL.done(placeholder: { "$\($0)" }) : JudgeClaimSQL.release(placeholder: { "$\($0)" }),
                                       [.string(suite), .string(item)])
        }
    }
}
