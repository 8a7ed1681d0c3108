import Foundation
import PGClient
import PGTestSupport
import Testing

/// The tests that change PGPASSWORD / PGPASSFILE run one at a time; every other test puts the
/// password in its URL, which libpq prefers over both.
@Suite("Authentication through the environment", .serialized)
struct EnvironmentAuthenticationTests {
    @Test func connectsWithPGPASSWORD() throws {
        let cluster = try TestDatabase.cluster()
        try withEnvironment(["PGPASSWORD": cluster.password, "PGPASSFILE": "/nonexistent/pgpass"]) {
            let conn = try PostgresConnection(url: cluster.url)
            #expect(try conn.execute("SELECT current_user AS u").first?.string("u") == "arena")
        }
    }

    @Test func connectsWithPGPASSFILE() throws {
        let cluster = try TestDatabase.cluster()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        // hostname:port:database:username:password; libpq ignores the file unless it is 0600.
        try #require(FileManager.default.createFile(atPath: file, contents: Data("127.0.0.1:\(cluster.port):*:arena:\(cluster.password)\n".utf8),
                                                    attributes: [.posixPermissions: 0o600]))
        try withEnvironment(["PGPASSWORD": "", "PGPASSFILE": file]) {
            let conn = try PostgresConnection(url: cluster.url)
            #expect(try conn.execute("SELECT current_user AS u").first?.string("u") == "arena")
        }
    }

    @Test func noPasswordAnywhereIsAClearError() throws {
        let cluster = try TestDatabase.cluster()
        try withEnvironment(["PGPASSWORD": "", "PGPASSFILE": "/nonexistent/pgpass"]) {
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: cluster.url) }
            #expect(error?.message.contains("no password supplied") == true)
        }
    }

    /// Sets variables for the duration of `body` (overwriting, never adding: see TestDatabase).
    private func withEnvironment(_ values: [String: String], _ body: () throws -> Void) throws {
        let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) } ?? "") }
        for (name, value) in values { setenv(name, value, 1) }
        defer { for (name, value) in saved { setenv(name, value, 1) } }
        try body()
    }
}

@Suite("Connecting")
struct ConnectingTests {
    @Test func wrongPasswordNeverAppearsInTheMessage() throws {
        let cluster = try TestDatabase.cluster()
        let url = "postgres://arena:Wrong-Pa55word@127.0.0.1:\(cluster.port)/arena"
        let error = try #require(#expect(throws: PostgresError.self) { try PostgresConnection(url: url) })
        #expect(error.message.contains("password authentication failed"))
        #expect(error.message.contains("postgres://arena@127.0.0.1:\(cluster.port)/arena"))
        #expect(!error.message.contains("Wrong-Pa55word"))
        #expect(!error.description.contains("Wrong-Pa55word"))
        #expect(!error.message.contains(cluster.password))
        #expect(!error.message.contains("\n"))
    }

    @Test func wrongPasswordInKeyValueFormIsNotShownEither() throws {
        let cluster = try TestDatabase.cluster()
        let info = "host=127.0.0.1 port=\(cluster.port) dbname=arena user=arena password='kv secret'"
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: info) }
        #expect(error?.message.contains("password authentication failed") == true)
        #expect(error?.message.contains("kv secret") == false)
    }

    @Test func sslmodeRequireIsHonoured() throws {
        let error = #expect(throws: PostgresError.self) { try TestDatabase.connect("sslmode=require") }
        // The test server has no TLS: libpq refuses instead of falling back to plain text.
        #expect(error?.message.contains("server does not support SSL, but SSL was required") == true)
        #expect(error?.message.contains("secret-pw") == false)
    }

    @Test func sslmodeDisableStillConnects() throws {
        let conn = try TestDatabase.connect("sslmode=disable")
        #expect(try conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.bool("ssl") == false)
    }

    @Test func refusedConnectionCountsAsLost() throws {
        let port = try TestDatabase.cluster().port
        // A port next to the cluster's that nothing listens on (most likely).
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgres://arena:pw@127.0.0.1:\(port == 65535 ? 1 : port + 1)/arena?connect_timeout=5")
        }
        #expect(error?.isConnectionLost == true)
        #expect(error?.message.contains("Connection refused") == true)
    }

    @Test func closedConnectionThrows() throws {
        let conn = try TestDatabase.connect()
        #expect(conn.isConnected)
        #expect(conn.serverVersion >= 100_000)
        conn.close()
        conn.close()
        #expect(!conn.isConnected)
        let error = #expect(throws: PostgresError.self) { try conn.execute("SELECT 1") }
        #expect(error?.message.contains("is closed") == true)
    }
}
