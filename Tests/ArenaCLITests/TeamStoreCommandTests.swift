import ArenaCore
import Foundation
import PGClient
import PGTestSupport
import Testing

/// Commands against a team's PostgreSQL store, run as the real binary: import and leaderboard
/// work on it as on a file, `sync` pushes and pulls idempotently, and the password (from
/// PGPASSWORD) never shows.
@Suite("Team store commands", .timeLimit(.minutes(2)))
struct TeamStoreCommandTests {
    /// A fresh schema in the test cluster, as a URL without the password.
    static func teamStore() throws -> (url: String, password: String) {
        let cluster = try PostgresTestCluster.shared()
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(url: cluster.urlWithPassword)
        defer { admin.close() }
        _ = try admin.execute("CREATE SCHEMA \(schema)")
        return (cluster.url + "?options=-csearch_path%3D\(schema)", cluster.password)
    }

    static func laptop(password: String, rows: Range<Int>, rater: String) async throws -> ArenaProcess {
        let arena = ArenaProcess(extraEnvironment: ["PGPASSWORD": password])
        let file = arena.home.appendingPathComponent("battles.jsonl")
        let lines = LeaderboardCommandTests.battles().split(separator: "\n")[rows].map {
            $0.replacingOccurrences(of: "\"tstamp\"", with: "\"judge\":\"\(rater)\",\"tstamp\"")
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try await arena.run(["import", file.path]).status == 0)
        return arena
    }

    @Test func syncPushesAndPullsTwiceAndEveryCommandWorksOnTheTeamStore() async throws {
        let (url, password) = try Self.teamStore()
        let ana = try await Self.laptop(password: password, rows: 0..<300, rater: "ana")
        let bo = try await Self.laptop(password: password, rows: 300..<600, rater: "bo")

        let push = try await ana.run(["sync", "--to", url])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout.contains("300 battles"))
        let again = try await ana.run(["sync", "--to", url])
        #expect(again.stdout.contains("nothing new"))
        #expect(try await bo.run(["sync", "--to", url]).stdout.contains("300 battles"))

        // A third laptop pulls the team's verdicts for offline ranking, twice.
        let cy = ArenaProcess(extraEnvironment: ["PGPASSWORD": password])
        let pull = try await cy.run(["sync", "--from", url])
        #expect(pull.stdout.contains("600 battles"), "\(pull.stderr)")
        #expect(try await cy.run(["sync", "--from", url]).stdout.contains("nothing new"))

        // The leaderboard straight from the team store equals the one from the pulled copy.
        let remote = try await cy.run(["leaderboard", "--store", url, "--format", "json", "--bootstrap", "100", "--seed", "3"])
        let local = try await cy.run(["leaderboard", "--format", "json", "--bootstrap", "100", "--seed", "3"])
        #expect(remote.status == 0, "\(remote.stderr)")
        #expect(remote.stdout == local.stdout)
        // Both read their ranking tallies, kept by every sync, and those equal a recount.
        #expect(remote.stderr.isEmpty && local.stderr.isEmpty, "\(remote.stderr) \(local.stderr)")
        for store in [["--store", url], []] {
            let verify = try await cy.run(["store", "verify"] + store)
            #expect(verify.status == 0 && verify.stdout.contains("match the verdicts: 600 verdicts"), "\(verify.stdout) \(verify.stderr)")
        }
        let rows = try LeaderboardCommandTests.rows(remote)
        #expect(rows.map { $0["model"] as? String } == ["strong", "middle", "weak"])

        for result in [push, again, pull, remote, local] {
            #expect(!(result.stdout + result.stderr).contains(password))
        }
    }

    @Test func aWrongPasswordIsOneLineThatNamesTheStoreButNotThePassword() async throws {
        let (url, _) = try Self.teamStore()
        let arena = ArenaProcess(extraEnvironment: ["PGPASSWORD": "not-the-password"])
        let result = try await arena.run(["leaderboard", "--store", url])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("arena: cannot open the store at postgres://arena@127.0.0.1:"))
        #expect(result.stderr.contains("password authentication failed"))
        #expect(!result.stderr.contains("not-the-password"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// Three honest raters and one who always picks the weaker model, imported straight into the
    /// team store: the leaderboard filters by rater, caps votes per day, and flags the odd one.
    @Test func ratersAreFilteredCappedAndCheckedAgainstEachOther() async throws {
        let (url, password) = try Self.teamStore()
        let arena = ArenaProcess(extraEnvironment: ["PGPASSWORD": password])
        let honest = LeaderboardCommandTests.battles().split(separator: "\n").prefix(600).enumerated().map { index, line in
            line.replacingOccurrences(of: "\"tstamp\"", with: "\"judge\":\"\(["ana", "bo", "cy"][index % 3])\",\"tstamp\"")
        }
        let order = ["strong": 0, "middle": 1, "weak": 2]
        let names = order.keys.sorted()
        let contrarian = (0..<150).map { index -> String in
            let a = names[index % 3], b = names[(index + 1) % 3]
            let winner = order[a]! > order[b]! ? "model_a" : "model_b"   // the weaker one, always
            return #"{"question_id":"d\#(index)","model_a":"\#(a)","model_b":"\#(b)","winner":"\#(winner)","judge":"dee","tstamp":\#(1_700_200_000 + index)}"#
        }
        let file = arena.home.appendingPathComponent("team.jsonl")
        try (honest + contrarian).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try await arena.run(["import", file.path, "--store", url])
        #expect(imported.stdout.hasPrefix("imported 750 battles"), "\(imported.stderr)")

        let table = try await arena.run(["leaderboard", "--store", url, "--raters", "--bootstrap", "50"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        func row(_ rater: String) -> String { lines.first { $0.hasPrefix(rater + " ") } ?? "" }
        #expect(row("dee").contains("votes against the rest"))
        for rater in ["ana", "bo", "cy"] { #expect(row(rater).contains("consistent"), "\(row(rater))") }
        #expect(table.stdout.contains("Look at dee"))

        let onlyAna = try await arena.run(["leaderboard", "--store", url, "--rater", "ana", "--format", "json", "--bootstrap", "50"])
        let anaVotes = try LeaderboardCommandTests.rows(onlyAna).reduce(0) { $0 + (($1["battles"] as? Int) ?? 0) } / 2
        #expect(anaVotes == 200)
        // All 750 verdicts fall on one day: a cap of 10 keeps 10 per rater.
        let capped = try await arena.run(["leaderboard", "--store", url, "--cap-per-day", "10", "--format", "json", "--bootstrap", "50"])
        let cappedVotes = try LeaderboardCommandTests.rows(capped).reduce(0) { $0 + (($1["battles"] as? Int) ?? 0) } / 2
        #expect(cappedVotes == 40)
    }
}
