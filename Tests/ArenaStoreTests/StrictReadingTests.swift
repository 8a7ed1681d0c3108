import ArenaTestTraits
import ArenaCore
import ArenaStore
import Foundation
import GRDB
import PGClient
import Testing

/// A stored value this arena does not know (written by a newer arena, or by hand) is an error with
/// a code and the column's name, never a guess: a guessed provider, outcome or finish reason would
/// silently change what a battle or a verdict means.
@Suite(.ownThread) struct StrictReadingTests {
    static func storeWithOneVotedBattle() throws -> (BattleStore, String) {
        let path = BattleStoreTests.temporaryPath()
        let store = try BattleStore(path: path)
        let battle = BattleStoreTests.battle()
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(0), rater: "me", createdAt: Date()))
        return (store, path)
    }

    static func corrupt(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
    }

    @Test(arguments: [
        ("UPDATE seat SET provider = 'future-vendor'", "seat.provider", "future-vendor"),
        ("UPDATE battle SET mode = 'gateway'", "battle.mode", "gateway"),
        ("UPDATE answer SET finish_reason = 'paused' WHERE seat_index = 0", "answer.finish_reason", "paused"),
        ("UPDATE answer SET error_kind = 'solar_flare' WHERE seat_index = 1", "answer.error_kind", "solar_flare"),
        ("UPDATE verdict SET outcome = 'draw', winner_seat = NULL", "verdict.outcome", "draw"),
    ])
    func anUnknownStoredValueIsATypedError(sql: String, column: String, value: String) throws {
        let (store, path) = try Self.storeWithOneVotedBattle()
        #expect(try store.battles().count == 1)
        try Self.corrupt(path, sql)
        do {
            _ = try store.battles()
            Issue.record("reading \(column) = \(value) did not fail")
        } catch {
            #expect(error.code == .unknownValue)
            #expect(error.message.contains(column) && error.message.contains("\"\(value)\""), "\(error.message)")
        }
    }

    @Test func theRankingReadIsStrictToo() throws {
        let (store, path) = try Self.storeWithOneVotedBattle()
        #expect(try store.rankingVotes().count == 1)
        try Self.corrupt(path, "UPDATE battle SET mode = 'gateway'")
        #expect(throws: StoreError.self) { try store.rankingVotes() }
    }
}

/// The same strictness for run answers, and on PostgreSQL (whose CHECK constraints are dropped
/// first, as a newer arena's schema might have widened them).
extension StrictReadingTests {
    static let runAnswerCases = [
        ("UPDATE run_answer SET provider = 'future-vendor'", "run_answer.provider", "future-vendor"),
        ("UPDATE run_answer SET finish_reason = 'paused'", "run_answer.finish_reason", "paused"),
        ("UPDATE run_answer SET error_kind = 'solar_flare', error_message = 'x'", "run_answer.error_kind", "solar_flare"),
    ]

    static func storeWithOneRunAnswer(_ kind: StoreKind) throws -> (BattleStore, String) {
        let location = try kind.makeLocation()
        let store = try BattleStore(location: location)
        try store.save(runAnswer: TeamStoreTests.runAnswer("p1", "a"))
        return (store, location)
    }

    @Test(arguments: runAnswerCases)
    func anUnknownRunAnswerValueIsATypedError(sql: String, column: String, value: String) throws {
        let (store, path) = try Self.storeWithOneRunAnswer(.sqlite)
        #expect(try store.runAnswers(suite: "s").count == 1)
        try Self.corrupt(path, sql)
        Self.expectUnknown(column, value) { try store.runAnswers(suite: "s") }
    }

    @Test(arguments: [
        ("UPDATE seat SET provider = 'future-vendor'", "seat.provider", "future-vendor"),
        ("UPDATE battle SET mode = 'gateway'", "battle.mode", "gateway"),
        ("UPDATE answer SET finish_reason = 'paused' WHERE seat_index = 0", "answer.finish_reason", "paused"),
        ("UPDATE answer SET error_kind = 'solar_flare' WHERE seat_index = 1", "answer.error_kind", "solar_flare"),
        ("UPDATE verdict SET outcome = 'draw', winner_seat = NULL", "verdict.outcome", "draw"),
    ] + runAnswerCases)
    func postgresReadsAsStrictly(sql: String, column: String, value: String) throws {
        let location = try StoreKind.postgres.makeLocation()
        let store = try BattleStore(location: location)
        let battle = BattleStoreTests.battle()
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(0), rater: "me", createdAt: Date()))
        try store.save(runAnswer: TeamStoreTests.runAnswer("p1", "a"))
        let admin = try PostgresConnection(url: location)
        defer { admin.close() }
        let table = String(column.prefix { $0 != "." }), name = String(column.drop { $0 != "." }.dropFirst())
        try admin.executeScript("ALTER TABLE \(table) DROP CONSTRAINT IF EXISTS \(table)_\(name)_check; \(sql)")
        if table == "run_answer" {
            Self.expectUnknown(column, value) { try store.runAnswers(suite: "s") }
        } else {
            Self.expectUnknown(column, value) { try store.battles() }
            if ["battle.mode", "verdict.outcome", "answer.finish_reason"].contains(column) {
                Self.expectUnknown(column, value) { try store.rankingVotes() }
            }
        }
    }

    static func expectUnknown<T>(_ column: String, _ value: String, sourceLocation: SourceLocation = #_sourceLocation,
                                 _ read: () throws -> T) {
        do {
            _ = try read()
            Issue.record("reading \(column) = \(value) did not fail", sourceLocation: sourceLocation)
        } catch {
            guard let error = error as? StoreError else {
                Issue.record("not a StoreError: \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(error.code == .unknownValue, sourceLocation: sourceLocation)
            #expect(error.message.contains(column) && error.message.contains("\"\(value)\""), "\(error.message)",
                    sourceLocation: sourceLocation)
        }
    }
}
