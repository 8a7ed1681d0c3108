@testable import ArenaStore
import ArenaCore
import Foundation
import GRDB
import PGClient
import Testing

/// The ranking tallies must equal a recount of the verdicts after every kind of write, on both
/// backends: votes, re-votes, undo, deleted battles, later turns that leak a name, imports with
/// repeats.
@Suite("Ranking tallies, on SQLite and on PostgreSQL")
struct RankingTallyTests {
    /// The shapes of `votes` as a multiset, to compare with what the store keeps.
    static func recount(_ store: BattleStore) throws -> [RankingShape: Int] {
        Dictionary(RankingTally.of(try store.rankingVotes()).map { ($0.shape, $0.verdicts) }, uniquingKeysWith: +)
    }

    static func kept(_ store: BattleStore) throws -> [RankingShape: Int]? {
        try store.rankingTallies().map { Dictionary($0.map { ($0.shape, $0.verdicts) }, uniquingKeysWith: +) }
    }

    static func randomVerdict(_ random: inout SeededGenerator, battle: Battle, turn: Int, raters: [String]) -> VerdictRecord {
        let seats = battle.seats.count
        var options: [Verdict] = [.tie, .bothBad, .skip, .seat(Int(random.next() % UInt64(seats)))]
        if seats >= 3 {
            options += ["C>A=B", "B>C", "A=C>B", "C>B>A"].compactMap { try? Verdict.parse($0, seatCount: seats) }
        }
        return VerdictRecord(battleID: battle.id, turnIndex: turn, verdict: options[Int(random.next() % UInt64(options.count))],
                             rater: raters[Int(random.next() % UInt64(raters.count))],
                             createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(random.next() % 100_000)),
                             blind: random.next() % 7 != 0)
    }

    static func answers(_ random: inout SeededGenerator, seats: Int) -> [Answer] {
        (0..<seats).map { seat in
            let roll = random.next() % 10
            switch roll {
            case 0: return Answer(seatIndex: seat, text: "Half", finishReason: .error, error: ProviderError(.serverError, "boom"))
            case 1: return Answer(seatIndex: seat, text: " \n", finishReason: .stop)
            case 2: return Answer(seatIndex: seat, text: "I am ChatGPT, made by OpenAI.", finishReason: .stop)
            case 3: return Answer(seatIndex: seat, text: "Cut short", finishReason: .cancelled)
            default: return Answer(seatIndex: seat, text: "Answer \(random.next() % 1000)", finishReason: .stop)
            }
        }
    }

    @Test(arguments: StoreKind.allCases) func tallyEqualsARecountAfterEveryKindOfWrite(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        var random = SeededGenerator(seed: 2026)
        let names = ["alpha", "beta", "gamma", "delta", "12:odd:name", "名前"]
        let raters = ["ann", "bob", "3:cy"]
        var live: [Battle] = []
        var imported: [StoredBattle] = []
        for step in 0..<120 {
            let action = random.next() % 10
            switch action {
            case 0...3:  // a new battle, its first turn and usually a verdict
                let seatCount = random.next() % 4 == 0 ? 3 : 2
                let models = (0..<seatCount).map { names[(Int(random.next() % UInt64(names.count)) + $0) % names.count] }
                var battle = Battle(createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(step)), mode: .screen,
                                    blind: random.next() % 9 != 0, systemPrompt: nil,
                                    seats: models.enumerated().map { Seat(index: $0.offset, model: RankingVoteTests.model($0.element)) })
                battle.turns = [BattleTurn(index: 0, prompt: "p\(step)", createdAt: battle.createdAt,
                                           answers: Self.answers(&random, seats: seatCount))]
                try store.save(battle: battle, turn: 0)
                if random.next() % 5 != 0 { try? store.save(verdict: Self.randomVerdict(&random, battle: battle, turn: 0, raters: raters)) }
                live.append(battle)
            case 4 where !live.isEmpty:  // a re-vote on some turn
                let battle = live[Int(random.next() % UInt64(live.count))]
                let turn = battle.turns[Int(random.next() % UInt64(battle.turns.count))].index
                try? store.save(verdict: Self.randomVerdict(&random, battle: battle, turn: turn, raters: raters))
            case 5 where !live.isEmpty:  // undo a verdict (or one never cast)
                let battle = live[Int(random.next() % UInt64(live.count))]
                try store.deleteVerdict(battleID: battle.id, turn: battle.turns.last!.index)
            case 6 where !live.isEmpty:  // a later turn, which may leak a name and flag the earlier verdicts
                let position = Int(random.next() % UInt64(live.count))
                var battle = live[position]
                let next = battle.turns.count
                battle.turns.append(BattleTurn(index: next, prompt: "more", createdAt: battle.createdAt.addingTimeInterval(5),
                                               answers: Self.answers(&random, seats: battle.seats.count)))
                try store.save(battle: battle, turn: next)
                if random.next() % 2 == 0 { try? store.save(verdict: Self.randomVerdict(&random, battle: battle, turn: next, raters: raters)) }
                live[position] = battle
            case 7 where !live.isEmpty:  // delete a battle (judge mode's undo)
                let battle = live.remove(at: Int(random.next() % UInt64(live.count)))
                try store.deleteBattle(id: battle.id)
            default:  // an import, with some battles it already holds
                let fresh = RankingVoteTests.variedBattles(count: 12).map { stored in
                    var copy = stored
                    copy.battle.id = UUID()
                    copy.verdicts = Dictionary(uniqueKeysWithValues: stored.verdicts.map { turn, record in
                        var record = record
                        record.battleID = copy.battle.id
                        return (turn, record)
                    })
                    return copy
                }
                let repeats = imported.suffix(3)
                _ = try store.importBattles(Array(repeats) + fresh + fresh.prefix(2))
                imported += fresh
            }
            let recount = try Self.recount(store)
            let kept = try Self.kept(store)
            #expect(kept == recount, "after step \(step) (action \(action))")
            guard kept == recount else { return }
        }
        let check = try store.verifyRankingTallies()
        #expect(check.matches && check.verdicts > 100 && check.shapes > 20)
    }

    @Test(arguments: StoreKind.allCases) func aTallyOutOfStepIsNoticedAndRepaired(_ kind: StoreKind) throws {
        let location = try kind.makeLocation()
        let store = try BattleStore(location: location)
        _ = try store.importBattles(RankingVoteTests.variedBattles(count: 60))
        #expect(try store.rankingTallies() != nil)
        // What an older arena would leave: a verdict written without its tally.
        let sql = "UPDATE ranking_tally SET verdicts = verdicts + 2 WHERE shape = (SELECT min(shape) FROM ranking_tally)"
        switch kind {
        case .sqlite: try (store.backend as! SQLiteBackend).pool.write { try $0.execute(sql: sql) }
        case .postgres:
            let connection = try PostgresConnection(url: location)
            defer { connection.close() }
            _ = try connection.execute(sql)
        }
        #expect(try store.rankingTallies() == nil)
        let check = try store.verifyRankingTallies()
        #expect(!check.matches && check.differences.count == 1 && check.differences[0].stored == check.differences[0].recounted + 2)
        try store.repairRankingTallies()
        #expect(try store.verifyRankingTallies().matches)
        #expect(try Self.kept(store) == Self.recount(store))
    }

    /// Filling the tallies when the step is applied: a store with verdicts from before v9.
    @Test func theStepCountsTheVerdictsAlreadyStored() throws {
        let path = BattleStoreTests.temporaryPath()
        try SQLiteBackend.preparePrivateFile(at: path)
        let early = try BattleStore(path: path)
        _ = try early.importBattles(RankingVoteTests.variedBattles(count: 80))
        // Back to v8: no tallies table, no record of the step.
        try (early.backend as! SQLiteBackend).pool.write { db in
            try db.execute(sql: "DROP TABLE ranking_tally; DELETE FROM grdb_migrations WHERE identifier = ?",
                           arguments: [SchemaSteps.rankingTallyStep])
        }
        let upgraded = try BattleStore(path: path)
        #expect(try upgraded.appliedMigrations() == StoreKind.allMigrations)
        #expect(try upgraded.verifyRankingTallies().matches)
        #expect(try Self.kept(upgraded) == Self.recount(upgraded))
    }
}
