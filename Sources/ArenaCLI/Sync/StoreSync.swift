import ArenaCore
import ArenaStore
import Foundation

/// Copies what one store has and another lacks — battles, their turns and verdicts, run answers
/// and adequacy marks — matched by stable ids and keys, so syncing twice adds nothing.
///
/// ```swift
/// let report = try StoreSync.copy(from: laptop, to: team)   // `arena sync --to postgres://…`
/// ```
///
/// A verdict present on both sides with different content keeps the later one (by its time); run
/// answers likewise. New battles go in one transaction; the rest are idempotent single writes, so
/// an interrupted sync is finished by running it again.
enum StoreSync {
    struct Report: Equatable {
        var battles = 0
        var turns = 0
        var verdicts = 0
        var runAnswers = 0
        var marks = 0

        var isEmpty: Bool { self == Report() }

        var summary: String {
            isEmpty ? "nothing new"
                : [counted(battles, "battle"), counted(turns, "later turn"), counted(verdicts, "verdict"),
                   counted(runAnswers, "run answer"), counted(marks, "adequacy mark")].joined(separator: ", ")
        }
    }

    static func copy(from source: BattleStore, to target: BattleStore) throws(StoreError) -> Report {
        var report = Report()
        let existing = Dictionary(uniqueKeysWithValues: try target.battles().map { ($0.battle.id, $0) })
        var fresh: [StoredBattle] = []
        for stored in try source.battles() {
            guard let there = existing[stored.battle.id] else {
                fresh.append(stored)
                continue
            }
            let theirTurns = Set(there.battle.turns.map(\.index))
            for turn in stored.battle.turns where !theirTurns.contains(turn.index) {
                try target.save(battle: stored.battle, turn: turn.index)
                report.turns += 1
            }
            for (turn, verdict) in stored.verdicts {
                if let theirs = there.verdicts[turn], theirs == verdict || theirs.createdAt >= verdict.createdAt { continue }
                try target.save(verdict: verdict)
                report.verdicts += 1
            }
        }
        report.battles = try target.importBattles(fresh)
        report.verdicts += fresh.reduce(0) { $0 + $1.verdicts.count }
        for suite in try source.runSuites() {
            let theirs = Dictionary(uniqueKeysWithValues: try target.runAnswers(suite: suite).map { ($0.key, $0) })
            for answer in try source.runAnswers(suite: suite) {
                if let there = theirs[answer.key], there == answer || there.createdAt >= answer.createdAt { continue }
                try target.save(runAnswer: answer)
                report.runAnswers += 1
            }
            let theirMarks = Dictionary(try target.adequacyMarks(suite: suite).map { ("\($0.key)|\($0.rater)", $0) }) { first, _ in first }
            for mark in try source.adequacyMarks(suite: suite) {
                if let there = theirMarks["\(mark.key)|\(mark.rater)"], there == mark || there.createdAt >= mark.createdAt { continue }
                try target.save(adequacy: mark)
                report.marks += 1
            }
        }
        return report
    }
}
