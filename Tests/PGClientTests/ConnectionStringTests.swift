@testable import PGClient
import Testing

@Suite("Connection strings: redacted URLs, password stripping (no server)")
struct ConnectionStringTests {
    @Test func uriIsRedacted() {
        let info = ConnectionString("postgres://arena:s3cr%40t@db.example:5433/arena?sslmode=require", environment: nil)
        #expect(info.redactedURL == "postgres://arena@db.example:5433/arena")
        #expect(info.secrets.contains("s3cr@t"))
        #expect(info.secrets.contains("s3cr%40t"))
    }

    @Test func keyValueStringIsRedacted() {
        let info = ConnectionString("host=10.0.0.5 port=6432 user=bob dbname=shop password='it\\'s a secret'", environment: nil)
        #expect(info.redactedURL == "postgres://bob@10.0.0.5:6432/shop")
        #expect(info.strip("said it's a secret loudly") == "said *** loudly")
    }

    @Test func passwordInQueryAndSocketHost() {
        let info = ConnectionString("postgresql:///arena?host=/var/run/postgresql&password=qp-secret&user=u", environment: nil)
        #expect(info.redactedURL == "postgres://u@%2Fvar%2Frun%2Fpostgresql/arena")
        #expect(info.strip("x qp-secret y") == "x *** y")
    }

    @Test func multipleHostsAndIPv6() {
        let info = ConnectionString("postgres://a@h1:1,[::1]:2/d", environment: nil)
        #expect(info.redactedURL == "postgres://a@h1:1,[::1]:2/d")
    }

    @Test func bareDatabaseName() {
        let info = ConnectionString("mydb", environment: nil)
        #expect(info.redactedURL == "postgres:///mydb")
        #expect(info.parseError == nil)
    }

    @Test func environmentPasswordIsStrippedToo() {
        let info = ConnectionString("postgres://a@h/d", environment: "env-secret")
        #expect(info.strip("no env-secret here") == "no *** here")
    }

    @Test func invalidStringNeverShowsThePassword() throws {
        let error = #expect(throws: PostgresError.self) {
            // libpq's own complaint quotes the bad token: the password.
            try PostgresConnection(url: "postgres://arena:hunter2%zz@127.0.0.1:5432/arena")
        }
        let message = try #require(error?.message)
        #expect(message.contains("invalid percent-encoded token"))
        #expect(!message.contains("hunter2"))
    }

    @Test func oneLineJoinsLibpqContinuationLines() {
        #expect(Libpq.oneLine("connection failed: Connection refused\n\tIs the server running?\n") ==
            "connection failed: Connection refused Is the server running?")
    }
}
