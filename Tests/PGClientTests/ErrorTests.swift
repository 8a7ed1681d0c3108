import PGClient
import Testing

@Suite("Errors and scripts")
struct ErrorTests {
    @Test func uniqueViolationIsRecognised() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (id int PRIMARY KEY, name text)")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }
        try conn.execute("INSERT INTO \(table) VALUES ($1, $2)", [1, "one"])
        let error = try #require(#expect(throws: PostgresError.self) {
            try conn.execute("INSERT INTO \(table) VALUES ($1, $2)", [1, "again"])
        })
        #expect(error.isUniqueViolation)
        #expect(error.sqlState == "23505")
        #expect(!error.isSerializationFailure && !error.isConnectionLost)
        #expect(error.message == "duplicate key value violates unique constraint \"\(table)_pkey\" (Key (id)=(1) already exists.)")
        // The connection is still fine afterwards.
        #expect(try conn.execute("SELECT count(*) AS n FROM \(table)").first?.int("n") == 1)
    }

    @Test func syntaxErrorIsOneLine() throws {
        let conn = try TestDatabase.connect()
        let error = try #require(#expect(throws: PostgresError.self) { try conn.execute("SELEC 1") })
        #expect(error.sqlState == "42601")
        #expect(error.message == "syntax error at or near \"SELEC\"")
        #expect(error.description == "syntax error at or near \"SELEC\" [SQLSTATE 42601]")
    }

    @Test func scriptRunsManyStatementsAllOrNothing() throws {
        let conn = try TestDatabase.connect()
        let (a, b) = (TestDatabase.uniqueName("a"), TestDatabase.uniqueName("b"))
        defer { _ = try? conn.executeScript("DROP TABLE IF EXISTS \(a); DROP TABLE IF EXISTS \(b)") }
        try conn.executeScript("""
            CREATE TABLE IF NOT EXISTS \(a) (id int PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS \(a) (id int PRIMARY KEY);  -- a notice, silently dropped
            CREATE INDEX IF NOT EXISTS \(a)_idx ON \(a) (id);
            INSERT INTO \(a) VALUES (1), (2);
            """)
        #expect(try conn.execute("SELECT count(*) AS n FROM \(a)").first?.int("n") == 2)

        let error = #expect(throws: PostgresError.self) {
            try conn.executeScript("CREATE TABLE \(b) (id int); INSERT INTO \(b) VALUES ('not a number');")
        }
        #expect(error?.sqlState == "22P02")
        // One implicit transaction: the CREATE TABLE went too.
        #expect(try conn.execute("SELECT to_regclass($1) IS NULL AS gone", [.string(b)]).first?.bool("gone") == true)
        #expect(!conn.inTransaction)
    }

    @Test func copyIsRefusedAndTheConnectionSurvives() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (n int)")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }
        #expect(throws: PostgresError.self) { try conn.execute("COPY (SELECT generate_series(1, 1000)) TO STDOUT") }
        #expect(throws: PostgresError.self) { try conn.execute("COPY \(table) FROM STDIN") }
        #expect(try conn.execute("SELECT count(*) AS n FROM \(table)").first?.int("n") == 0)
        #expect(!conn.inTransaction)
    }

    @Test func emptyQueryIsNotAnError() throws {
        let conn = try TestDatabase.connect()
        #expect(try conn.executeScript("").count == 0)
        #expect(try conn.executeScript("-- nothing").count == 0)
    }
}
