@testable import ArenaStore
import Foundation
import PGClient
import PGTestSupport
import Testing

/// The two backends every store test runs against: a new SQLite file, or a new schema in the
/// throwaway PostgreSQL cluster of this test process (scripts/postgres-test-cluster.sh).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let allMigrations = ["v1-battles-answers-verdicts", "v2-verdict-blind", "v3-suite-runs", "v4-judging", "v5-judge-claims",
                                "v6-battle-leak", "v7-verdict-ranking", "v8-turn-created-at", "v9-ranking-tally", "v10-served-model"]

    var testDescription: String { rawValue }

    func makeLocation() throws -> String {
        switch self {
        case .sqlite: return BattleStoreTests.temporaryPath()
        case .postgres: return try Self.freshPostgresSchema()
        }
    }

    func makeStore() throws -> BattleStore { try BattleStore(location: makeLocation()) }

    /// A URL whose connections see only a new, empty schema (search_path), so tests never share tables.
    static func freshPostgresSchema() throws -> String {
        let cluster = try PostgresTestCluster.shared()
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(url: cluster.urlWithPassword)
        defer { admin.close() }
        _ = try admin.execute("CREATE SCHEMA \(schema)")
        return cluster.urlWithPassword + "?options=-csearch_path%3D\(schema)"
    }
}
