@testable import ArenaStore
import ArenaCore
import Foundation
import PGClient
import PGTestSupport
import ArenaTestSupport
import Testing

/// What a team store must do beyond a private one: several judges at once, a server restart in
/// the middle of a session, run answers and marks shared, and no password in any message.
@Suite("Team store")
struct TeamStoreTests {
    static func runAnswer(_ prompt: String, _ model: String) -> RunAnswer {
        RunAnswer(key: .init(suite: "s", promptID: prompt, repeatIndex: 0, model: model), provider: .openai, modelID: model,
                  promptFingerprint: "fp-\(prompt)", conversation: [ChatMessage(role: .user, content: "Q \(prompt)")],
                  answer: Answer(seatIndex: 0, text: "answer \(prompt) \(model)", finishReason: .stop,
                                 metrics: AnswerMetrics(ttftMs: 10, durationMs: 20, outputTokens: 3, tokensEstimated: false, costUSD: 0.01)),
                  createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test(arguments: StoreKind.allCases)
    func runAnswersMarksAndPromptsReadAlike(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        for prompt in ["p1", "p2"] { for model in ["a", "b"] { try store.save(runAnswer: Self.runAnswer(prompt, model)) } }
        var failed = Self.runAnswer("p2", "b")
        failed.answer = Answer(seatIndex: 0, text: "", finishReason: .error, error: ProviderError(.serverError, "boom", status: 500))
        try store.save(runAnswer: failed)   // replaces the earlier answer for that key
        #expect(try store.runAnswers(suite: "s").count == 4)
        #expect(try store.completedRunKeys(suite: "s").count == 3)
        #expect(try store.runSuites() == ["s"])
        #expect(try store.runAnswers(suite: "s").first == Self.runAnswer("p1", "a"))
        let key = RunAnswer.Key(suite: "s", promptID: "p1", repeatIndex: 0, model: "a")
        try store.save(adequacy: AdequacyMark(key: key, rater: "ana", adequate: true, createdAt: Date(timeIntervalSince1970: 5)))
        try store.save(adequacy: AdequacyMark(key: key, rater: "ana", adequate: false, createdAt: Date(timeIntervalSince1970: 6)))
        #expect(try store.adequacyMarks(suite: "s").map(\.adequate) == [false])
        let battle = BattleStoreTests.battle()
        try store.save(battle: battle, turn: 0)
        #expect(try store.recentPrompts() == ["Explain CRDTs"])
        #expect(try store.battles(since: Date(timeIntervalSince1970: 1_800_000_000)).isEmpty)
        #expect(try store.battles(since: Date(timeIntervalSince1970: 1_600_000_000)).count == 1)
        try store.deleteBattle(id: battle.id)
        #expect(try store.battleCount() == 0)
    }

    @Test(arguments: StoreKind.allCases)
    func claimsGoToOneJudgeUntilReleasedOrExpired(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let now = Date()
        #expect(try store.claim(JudgeClaim(suite: "s", item: "p1#0#a|b", rater: "ana", claimedAt: now)))
        #expect(try store.claim(JudgeClaim(suite: "s", item: "p1#0#a|b", rater: "ana", claimedAt: now)))      // hers already
        #expect(try !store.claim(JudgeClaim(suite: "s", item: "p1#0#a|b", rater: "bo", claimedAt: now)))
        // Expired after the TTL: free for another judge.
        #expect(try store.claim(JudgeClaim(suite: "s", item: "p1#0#a|b", rater: "bo", claimedAt: now.addingTimeInterval(3600))))
        try store.finishClaim(suite: "s", item: "p1#0#a|b", done: true)
        #expect(try !store.claim(JudgeClaim(suite: "s", item: "p1#0#a|b", rater: "ana", claimedAt: now.addingTimeInterval(99_999))))
        // Released: the next judge gets it.
        #expect(try store.claim(JudgeClaim(suite: "s", item: "p2#0#a|b", rater: "ana", claimedAt: now)))
        try store.finishClaim(suite: "s", item: "p2#0#a|b", done: false)
        #expect(try store.claim(JudgeClaim(suite: "s", item: "p2#0#a|b", rater: "bo", claimedAt: now)))
    }

    /// Six judges, each with its own connection, race for 300 comparisons: every comparison goes
    /// to exactly one of them.
    @Test(.timeLimit(.minutes(2)), arguments: StoreKind.allCases)
    func concurrentJudgesNeverShareAComparison(_ kind: StoreKind) async throws {
        let location = try kind.makeLocation()
        _ = try BattleStore(location: location)   // migrate once
        let items = (0..<300).map { "p\($0)#0#a|b" }
        // Each judge on its own thread (blocking database calls must not occupy the test pool).
        let results = Locked<[Result<[String], any Error>]>([])
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for judge in 0..<6 {
                group.enter()
                Thread {
                    let outcome = Result { () throws -> [String] in
                        let store = try BattleStore(location: location)
                        var mine: [String] = []
                        for item in items.shuffled() where try store.claim(JudgeClaim(suite: "s", item: item, rater: "judge-\(judge)", claimedAt: Date())) {
                            mine.append(item)
                        }
                        return mine
                    }
                    results.update { $0.append(outcome) }
                    group.leave()
                }.start()
            }
            group.notify(queue: .global()) { done.resume() }
        }
        let won = try results.value.flatMap { try $0.get() }
        #expect(won.count == items.count)
        #expect(Set(won).count == items.count)
    }

    /// The server restarts while a judge is between votes: the next vote is saved once the server
    /// is back (the store reconnects and retries), and nothing is lost.
    @Test(.timeLimit(.minutes(2)),
          .enabled(if: ProcessInfo.processInfo.environment["ARENA_TEST_POSTGRES_URL"] == nil,
                   "restarts its own server: runs in scripts/test.sh's stress phase, without ARENA_TEST_POSTGRES_URL"))
    func aVoteDuringAServerRestartIsSaved() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        let store = try BattleStore(location: cluster.urlWithPassword)
        let first = BattleStoreTests.battle(), second = BattleStoreTests.battle()
        try store.save(battle: first, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: first.id, turnIndex: 0, verdict: .seat(0), rater: "ana", createdAt: Date()))
        try store.save(battle: second, turn: 0)
        // The server is down when the vote is cast, and comes back while the store retries.
        try cluster.pause()
        let restart = Task.detached { try cluster.resume() }
        // Off the pool, so the blocking retries never keep the resume from running.
        try await store.offPool { store throws(StoreError) in
            try store.save(verdict: VerdictRecord(battleID: second.id, turnIndex: 0, verdict: .tie, rater: "ana", createdAt: Date()))
        }
        try await restart.value
        #expect(try store.verdictCount() == 2)
        #expect(try store.battle(id: second.id)?.verdicts[0]?.verdict == .tie)
        // Deterministically: the server drops this store's connection, then a vote comes in.
        let admin = try PostgresConnection(url: cluster.urlWithPassword)
        defer { admin.close() }
        let dropped = try admin.execute("""
            SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """).first?.int("n")
        #expect(dropped == 1)
        try store.save(verdict: VerdictRecord(battleID: second.id, turnIndex: 0, verdict: .seat(0), rater: "ana", createdAt: Date()))
        #expect(try store.battle(id: second.id)?.verdicts[0]?.verdict == .seat(0))
    }

    /// A down server is reported in one line that names the store without its password.
    @Test func anUnreachableServerIsOneLineWithoutThePassword() throws {
        let url = "postgres://arena:hunter2-secret@127.0.0.1:1/arena"
        #expect {
            _ = try BattleStore(location: url)
        } throws: { error in
            let text = "\(error)"
            return !text.contains("hunter2") && text.contains("postgres://arena@127.0.0.1:1/arena") && !text.contains("\n")
        }
    }
}

/// A team store whose server went away keeps retrying for seconds; through `offPool` that wait
/// holds a thread of the store's, not one of the cooperative pool's.
@Suite("Team store, off the cooperative pool")
struct TeamStoreOffPoolTests {
    @Test(.timeLimit(.minutes(2)), .enabled(if: ProcessInfo.processInfo.environment["ARENA_TEST_POSTGRES_URL"] == nil,
                                            "stops a server of its own"))
    func aReconnectingStoreLeavesThePoolFree() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        // 8 attempts × 250 ms: each call gives up after about 2 s (the real budget is 40).
        let store = BattleStore(backend: try PostgresBackend(url: cluster.urlWithPassword, reconnectAttempts: 8,
                                                             reconnectDelay: .milliseconds(250)))
        cluster.stop()   // nothing listens on the port now: every attempt is refused
        let calls = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
        let progress = Locked((asked: 0, started: 0)), failed = Locked(0)
        let reconnecting = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<calls {
                    group.addTask {
                        progress.update { $0.asked += 1 }
                        do {
                            _ = try await store.offPool { store throws(StoreError) in
                                progress.update { $0.started += 1 }
                                return try store.verdictCount()
                            }
                        } catch {
                            failed.update { $0 += 1 }
                        }
                    }
                }
            }
        }
        // Every call was made and the first is under way; the others queue behind it on no thread
        // of the pool (made straight on the pool, they would hold every thread of it for seconds)…
        await progress.wait { $0.asked >= calls && $0.started > 0 }
        let tiny = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<500 { group.addTask { await Task.yield(); return 1 } }
            return await group.reduce(0, +)
        }
        #expect(tiny == 500)
        #expect(failed.value == 0, "\(failed.value) store calls gave up before 500 tiny tasks ended")
        await reconnecting.value
        #expect(failed.value == calls)
    }
}
