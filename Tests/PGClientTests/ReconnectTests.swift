import Foundation
import PGClient
import PGTestSupport
import Testing

@Suite("Lost connections and reconnecting")
struct ReconnectTests {
    /// pg_terminate_backend sends the same FATAL 57P01 as a server shutdown, to one session.
    @Test func terminatedSessionIsDetectedAndReconnected() throws {
        let (conn, admin) = (try TestDatabase.connect(), try TestDatabase.connect())
        let pid = conn.backendPID
        #expect(try admin.execute("SELECT pg_terminate_backend($1, 5000) AS done", [.int(pid)]).first?.bool("done") == true)

        let error = try #require(#expect(throws: PostgresError.self) { try conn.execute("SELECT 1") })
        #expect(error.isConnectionLost)
        #expect(!conn.isConnected)

        var calls = 0
        let one = try conn.withReconnect { conn in
            calls += 1
            return try conn.execute("SELECT 1 AS one").first?.int("one")
        }
        #expect(one == 1)
        #expect(calls == 2)   // the first call met the dead connection; the second, a new one
        #expect(conn.isConnected)
        #expect(conn.backendPID != pid)
    }

    /// A private cluster, because restarting the shared one would break the other tests.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ARENA_TEST_POSTGRES_URL"] == nil,
                   "needs a cluster of its own to restart"))
    func serverRestartIsDetectedAndReconnected() throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        let conn = try PostgresConnection(url: cluster.urlWithPassword)
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (n int); INSERT INTO \(table) VALUES (7)")

        try cluster.restart()
        let error = try #require(#expect(throws: PostgresError.self) { try conn.execute("SELECT 1") })
        #expect(error.isConnectionLost)
        #expect(!error.message.contains(cluster.password))

        let n = try conn.withReconnect { try $0.execute("SELECT n FROM \(table)").first?.int("n") }
        #expect(n == 7)

        // A restart in the middle of a transaction: the body runs again from the start.
        var calls = 0
        let count = try conn.withReconnect(attempts: 10, delay: .milliseconds(100)) { conn in
            try conn.transaction { conn in
                calls += 1
                if calls == 1 { try cluster.restart() }
                return try conn.execute("SELECT count(*) AS c FROM \(table)").first?.int("c")
            }
        }
        #expect(count == 1)
        #expect(calls == 2)

        // The server stays down: reconnecting gives up after its attempts.
        cluster.stop()
        calls = 0
        let down = try #require(#expect(throws: PostgresError.self) {
            try conn.withReconnect(attempts: 3, delay: .milliseconds(20)) { conn in
                calls += 1
                return try conn.execute("SELECT 1")
            }
        })
        #expect(down.isConnectionLost)
        #expect(down.message.contains("cannot reconnect to postgres://arena@127.0.0.1:\(cluster.port)/arena"))
        #expect(calls == 1)
    }

    @Test func otherErrorsAreNotRetried() throws {
        let conn = try TestDatabase.connect()
        var calls = 0
        #expect(throws: PostgresError.self) {
            try conn.withReconnect { conn in
                calls += 1
                return try conn.execute("SELECT * FROM no_such_table_anywhere")
            }
        }
        #expect(calls == 1)
        #expect(throws: TestFailure()) { try conn.withReconnect { _ in throw TestFailure() } }
    }
}
