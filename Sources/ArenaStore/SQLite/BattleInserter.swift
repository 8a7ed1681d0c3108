import ArenaCore
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Writes battles through prepared statements made once (one per table), bound from each row's
/// `ColumnRow.values`: for import, which writes hundreds of thousands in one transaction, and for
/// the battle a screen saves turn by turn.
///
/// ```swift
/// let inserter = try BattleInserter(db)
/// for stored in batch where try inserter.insertIfNew(stored, id: stored.battle.id.uuidString) { … }
/// ```
///
/// Traps: the statements belong to `db`; make one inserter per database access, never keep it.
/// Each insert is bound and stepped with sqlite3's own calls: GRDB's `StatementArguments` cost
/// more than the insert itself (a key path resolved per row), and its statement bookkeeping is
/// for observers, which a plain INSERT inside the caller's transaction does not need.
struct BattleInserter {
    private let db: Database
    private let exists: Statement
    private let battle: Statement
    private let leak: Statement
    private let seat: Statement
    private let turn: Statement
    private let answer: Statement
    private let verdict: Statement

    init(_ db: Database) throws {
        self.db = db
        exists = try db.makeStatement(sql: "SELECT 1 FROM battle WHERE id = ?")
        battle = try db.makeStatement(sql: BattleRow.insertSQL)
        leak = try db.makeStatement(sql: LeakRow.insertSQL)
        seat = try db.makeStatement(sql: SeatRow.insertSQL)
        turn = try db.makeStatement(sql: TurnRow.insertSQL)
        answer = try db.makeStatement(sql: AnswerRow.insertSQL)
        verdict = try db.makeStatement(sql: VerdictRow.insertSQL)
    }

    /// Whether a battle with this id is stored.
    func contains(_ id: String) throws -> Bool {
        let handle = exists.sqliteStatement
        var code = sqlite3_reset(handle)
        if code == SQLITE_OK { code = id.databaseValue.bind(to: handle, at: 1) }
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_ROW || code == SQLITE_DONE else { throw error(code, exists) }
        return code == SQLITE_ROW
    }

    /// Writes a whole battle (its seats, turns, answers, verdicts and identity words) unless one
    /// with its id (as stored: `uuidString`) is stored; true when it was new.
    func insertIfNew(_ stored: StoredBattle, id: String) throws -> Bool {
        let battle = stored.battle
        guard try !contains(id) else { return false }
        try insertBattle(battle, id: id)
        try insertLeaks(stored.leakedWords, battleID: id)
        for turn in battle.turns { try insertTurn(turn, battleID: id) }
        for record in stored.verdicts.values { try run(verdict, VerdictRow(record).values) }
        return true
    }

    /// The battle's own row and its seats.
    func insertBattle(_ battle: Battle, id: String) throws {
        try run(self.battle, BattleRow(battle).values)
        for seat in battle.seats { try run(self.seat, SeatRow(seat, battleID: id).values) }
    }

    func insertLeaks(_ words: [String], battleID: String) throws {
        for row in LeakRow.rows(battleID: battleID, words: words) { try run(leak, row.values) }
    }

    /// A turn with every seat's answer.
    func insertTurn(_ turn: BattleTurn, battleID: String) throws {
        try run(self.turn, TurnRow(turn, battleID: battleID).values)
        for answer in turn.answers { try run(self.answer, AnswerRow(answer, battleID: battleID, turn: turn.index).values) }
    }

    /// Binds `values` to `statement` (in its parameters' order) and steps it to its end.
    private func run(_ statement: Statement, _ values: [DatabaseValue]) throws {
        let handle = statement.sqliteStatement
        var code = sqlite3_reset(handle)
        for (index, value) in zip(CInt(1)..., values) where code == SQLITE_OK {
            code = value.bind(to: handle, at: index)
        }
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else { throw error(code, statement) }
    }

    private func error(_ code: CInt, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
}
