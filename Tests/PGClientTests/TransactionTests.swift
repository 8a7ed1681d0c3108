import PGClient
import Testing

@Suite("Transactions")
struct TransactionTests {
    @Test func commitsAndReturnsTheBodysValue() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (n int)")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }
        let inserted = try conn.transaction { conn in
            #expect(conn.inTransaction)
            return try conn.execute("INSERT INTO \(table) VALUES (1), (2)").affectedRows
        }
        #expect(inserted == 2)
        #expect(!conn.inTransaction)
        let other = try TestDatabase.connect()
        #expect(try other.execute("SELECT count(*) AS n FROM \(table)").first?.int("n") == 2)
    }

    @Test func rollsBackAndRethrowsTheBodysError() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (n int)")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }
        #expect(throws: TestFailure()) {
            try conn.transaction { conn in
                try conn.execute("INSERT INTO \(table) VALUES (1)")
                throw TestFailure()
            }
        }
        #expect(!conn.inTransaction)
        #expect(try conn.execute("SELECT count(*) AS n FROM \(table)").first?.int("n") == 0)
    }

    @Test func aSwallowedStatementFailureIsNotACommit() throws {
        let conn = try TestDatabase.connect()
        let error = #expect(throws: PostgresError.self) {
            try conn.transaction { conn in
                _ = try? conn.execute("SELECT 1/0")   // aborts the transaction on the server
            }
        }
        #expect(error?.message.contains("rolled back") == true)
        #expect(!conn.inTransaction)
    }

    @Test func isolationLevelIsApplied() throws {
        let conn = try TestDatabase.connect()
        let level = try conn.transaction(isolation: .serializable) { conn in
            try conn.execute("SHOW transaction_isolation").first?.string(at: 0)
        }
        #expect(level == "serializable")
        let repeatable = try conn.transaction(isolation: .repeatableRead) { conn in
            try conn.execute("SHOW transaction_isolation").first?.string(at: 0)
        }
        #expect(repeatable == "repeatable read")
    }

    @Test func transactionsDoNotNest() throws {
        let conn = try TestDatabase.connect()
        let error = #expect(throws: PostgresError.self) {
            try conn.transaction { conn in try conn.transaction { _ in } }
        }
        #expect(error?.message.contains("do not nest") == true)
        #expect(!conn.inTransaction)
    }

    /// The write-skew example of PostgreSQL's manual: two SERIALIZABLE transactions each read
    /// what the other writes; the second to commit fails with 40001.
    @Test func serializationFailureIsRecognised() throws {
        let (a, b) = (try TestDatabase.connect(), try TestDatabase.connect())
        let table = try makeClassTable(a)
        defer { _ = try? a.execute("DROP TABLE \(table)") }
        try a.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try b.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try a.execute("SELECT sum(value) FROM \(table) WHERE class = 1")
        try b.execute("SELECT sum(value) FROM \(table) WHERE class = 2")
        try a.execute("INSERT INTO \(table) VALUES (2, 30)")
        try b.execute("INSERT INTO \(table) VALUES (1, 300)")
        try a.execute("COMMIT")
        let error = try #require(#expect(throws: PostgresError.self) { try b.execute("COMMIT") })
        #expect(error.sqlState == "40001")
        #expect(error.isSerializationFailure)
        #expect(error.message.contains("could not serialize access"))
        #expect(!b.inTransaction)
    }

    @Test func serializationFailuresAreRetried() throws {
        let (a, b) = (try TestDatabase.connect(), try TestDatabase.connect())
        let table = try makeClassTable(a)
        defer { _ = try? a.execute("DROP TABLE \(table)") }
        var attempts = 0
        let copied = try b.transaction(isolation: .serializable, retries: 3) { conn in
            attempts += 1
            let sum = try #require(try conn.execute("SELECT sum(value) AS s FROM \(table) WHERE class = 1").first?.int("s"))
            if attempts == 1 {
                // Meanwhile, another transaction reads what we are about to write and writes
                // what we read, and commits first: our commit must fail.
                try a.transaction(isolation: .serializable) { a in
                    try a.execute("SELECT sum(value) FROM \(table) WHERE class = 2")
                    try a.execute("INSERT INTO \(table) VALUES (1, 5)")
                }
            }
            try conn.execute("INSERT INTO \(table) VALUES (2, $1)", [.int(sum)])
            return sum
        }
        #expect(attempts == 2)
        #expect(copied == 35)   // 10 + 20 + the other transaction's 5
        #expect(try a.execute("SELECT count(*) AS n FROM \(table)").first?.int("n") == 6)
    }

    @Test func withoutRetriesTheFailureIsThrown() throws {
        let (a, b) = (try TestDatabase.connect(), try TestDatabase.connect())
        let table = try makeClassTable(a)
        defer { _ = try? a.execute("DROP TABLE \(table)") }
        var attempts = 0
        let error = #expect(throws: PostgresError.self) {
            try b.transaction(isolation: .serializable) { conn in
                attempts += 1
                try conn.execute("SELECT sum(value) FROM \(table) WHERE class = 1")
                try a.transaction(isolation: .serializable) { a in
                    try a.execute("SELECT sum(value) FROM \(table) WHERE class = 2")
                    try a.execute("INSERT INTO \(table) VALUES (1, 5)")
                }
                try conn.execute("INSERT INTO \(table) VALUES (2, 1)")
            }
        }
        #expect(error?.isSerializationFailure == true)
        #expect(attempts == 1)
        #expect(!b.inTransaction)
    }

    private func makeClassTable(_ conn: PostgresConnection) throws -> String {
        let table = TestDatabase.uniqueName("mytab")
        try conn.executeScript("""
            CREATE TABLE \(table) (class int, value int);
            INSERT INTO \(table) VALUES (1, 10), (1, 20), (2, 100), (2, 200);
            """)
        return table
    }
}
