import ArenaCore
import ArenaStore
import Foundation
import GRDB
import Testing

/// A stored value this arena does not know (written by a newer arena, or by hand) is an error with
/// a code and the column's name, never a guess: a guessed provider, outcome or finish reason would
/// silently change what a battle or a verdict means.
@Suite struct StrictReadingTests {
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
