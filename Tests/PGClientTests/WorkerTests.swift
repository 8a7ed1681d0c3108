import Foundation
import ArenaTestSupport
import PGClient
import PGTestSupport
import Synchronization
import Testing

/// A `PostgresWorker` does its blocking — libpq round trips, waits between reconnection attempts —
/// on its own thread, so tasks on the cooperative pool keep running meanwhile.
@Suite("Postgres worker, off the cooperative pool")
struct WorkerTests {
    final class Counter: Sendable {
        private let count = Locked(0)
        func add() { count.update { $0 += 1 } }
        var value: Int { count.value }
        /// Returns on the `add` that brings the count to `target` (at once if it is there).
        func reached(_ target: Int) async { await count.wait { $0 >= target } }
    }

    @Test func runsCallsInOrderFromTasksAndThreads() async throws {
        let worker = try PostgresWorker(url: try TestDatabase.cluster().urlWithPassword)
        let table = TestDatabase.uniqueName()
        _ = try await worker.run { try $0.executeScript("CREATE TABLE \(table) (n int)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<20 {
                group.addTask { _ = try await worker.run { try $0.execute("INSERT INTO \(table) VALUES ($1)", [.int(n)]) } }
            }
            try await group.waitForAll()
        }
        let count = try worker.runBlocking { try $0.execute("SELECT count(*) AS c FROM \(table)").first?.int("c") }
        #expect(count == 20)
        let error = await #expect(throws: PostgresError.self) { try await worker.run { try $0.execute("SELECT * FROM \(table)_missing") } }
        #expect(error?.sqlState == "42P01")
        worker.close()
    }

    /// More reconnect waits at once than the pool has threads, against a closed port: hundreds of
    /// tiny tasks, each needing a pool thread, all finish while every wait is still going.
    @Test(.timeLimit(.minutes(2)), .enabled(if: ProcessInfo.processInfo.environment["ARENA_TEST_POSTGRES_URL"] == nil,
                                            "stops a server of its own"))
    func reconnectWaitsLeaveThePoolFree() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        let waits = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
        let workers = try (0..<waits).map { try PostgresWorker(url: cluster.urlWithPassword, label: "test.worker.\($0)") }
        cluster.stop()   // nothing listens on the port now: each attempt is refused, then waits 250 ms (about 10 s in all)
        let started = Counter(), ended = Counter()
        let reconnecting = Task {
            await withTaskGroup(of: Bool.self) { group in
                for worker in workers {
                    group.addTask {
                        defer { ended.add() }
                        do {
                            _ = try await worker.run { connection in
                                started.add()
                                return try connection.withReconnect(attempts: 40, delay: .milliseconds(250)) { try $0.execute("SELECT 1") }
                            }
                            return false
                        } catch let error as PostgresError {
                            return error.isConnectionLost
                        } catch {
                            return false
                        }
                    }
                }
                return await group.allSatisfy { $0 }
            }
        }
        // Every wait is under way (on a pool thread it would hold that thread for its 10 s)…
        await started.reached(waits)
        // …and tasks that need the pool still run.
        let tiny = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<500 { group.addTask { await Task.yield(); return 1 } }
            return await group.reduce(0, +)
        }
        #expect(tiny == 500)
        #expect(ended.value == 0, "\(ended.value) of \(waits) reconnect waits ended before 500 tiny tasks did")
        #expect(await reconnecting.value, "every wait gives up with a lost connection")
        #expect(ended.value == waits)
    }
}
