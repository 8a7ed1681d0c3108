import ArenaCore
import ArenaStore
import Foundation
import GRDB
import Testing

/// `arena store verify`: the tallies a leaderboard reads are checked against a recount, a
/// difference exits 1 and names the shape, `--repair` recounts, and a leaderboard over tallies
/// out of step reads the verdicts instead (and says so) with the same result.
@Suite("arena store verify", .timeLimit(.minutes(1)))
struct StoreVerifyCommandTests {
    @Test func findsADifferenceRepairsItAndTheLeaderboardNeverUsesWrongTallies() async throws {
        let arena = try await LeaderboardCommandTests.imported()
        let good = try await arena.run(["store", "verify"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("ranking tallies match the verdicts: 640 verdicts in "))
        let before = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50"])
        #expect(before.status == 0 && before.stderr.isEmpty, "\(before.stderr)")

        // What an older arena writing to the same store leaves behind: one verdict not tallied.
        let queue = try DatabaseQueue(path: arena.storePath)
        try await queue.write { db in
            try db.execute(sql: "UPDATE ranking_tally SET verdicts = verdicts - 1 WHERE shape = (SELECT max(shape) FROM ranking_tally)")
        }
        try queue.close()
        let bad = try await arena.run(["store", "verify"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("ranking tallies differ from the verdicts"))
        #expect(bad.stderr.contains("stored ") && bad.stderr.contains(", recounted "))
        #expect(bad.stderr.contains("arena store verify --repair"))
        let fallback = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50"])
        #expect(fallback.status == 0)
        #expect(fallback.stderr.contains("ranking tallies do not count its verdicts"))
        #expect(fallback.stdout == before.stdout)

        let repaired = try await arena.run(["store", "verify", "--repair"])
        #expect(repaired.status == 0 && repaired.stdout.contains("repaired"))
        let after = try await arena.run(["store", "verify"])
        #expect(after.status == 0)
        let again = try await arena.run(["leaderboard", "--format", "json", "--bootstrap", "50"])
        #expect(again.stdout == before.stdout && again.stderr.isEmpty)
    }

    @Test func aStoreThatDoesNotExistIsNotCreated() async throws {
        let arena = ArenaProcess()
        let result = try await arena.run(["store", "verify"])
        #expect(result.status != 0)
        #expect(!FileManager.default.fileExists(atPath: arena.storePath))
    }
}
