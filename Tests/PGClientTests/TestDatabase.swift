import Foundation
import PGClient
import PGTestSupport

/// The shared test cluster, connections to it, and names that no other test uses.
enum TestDatabase {
    /// The shared cluster; on first use, also makes sure PGPASSWORD and PGPASSFILE exist in the
    /// environment (empty if unset), so the tests that change them later only overwrite values:
    /// adding a variable can move the environment while another thread's libpq reads it.
    static func cluster() throws -> PostgresTestCluster {
        _ = environmentReserved
        return try PostgresTestCluster.shared()
    }

    private static let environmentReserved: Void = {
        for name in ["PGPASSWORD", "PGPASSFILE"] where getenv(name) == nil { setenv(name, "", 1) }
    }()

    /// A connection as `arena` with the password in the URL (so the environment never matters),
    /// plus optional query parameters such as `sslmode=require`.
    static func connect(_ query: String = "") throws -> PostgresConnection {
        let url = try cluster().urlWithPassword
        return try PostgresConnection(url: query.isEmpty ? url : url + "?" + query)
    }

    /// `prefix_1a2b3c4d5e6f`: a table name of this test alone (tests run in parallel).
    static func uniqueName(_ prefix: String = "t") -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }
}

/// A test's own error, to see that helpers rethrow the body's error unchanged.
struct TestFailure: Error, Equatable {}
