import Foundation

/// A task executor with its own threads, for the in-process test servers.
///
/// Swift Testing runs tests as tasks on the cooperative pool, which has one thread per core: on a
/// 2-core machine two CPU-heavy tests can hold the whole pool for seconds, and a test server on
/// that pool stops answering, so timeouts in the code under test fire for the wrong reason.
/// Tasks that prefer this executor run on threads of their own, which the kernel schedules
/// however busy the pool is. Run only non-blocking async code on it.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    /// Shared by every test server in the process.
    public static let shared = DedicatedExecutor(name: "arena-test-server", threads: 2)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    public init(name: String, threads: Int) {
        for number in 0..<max(threads, 1) {
            let thread = Thread { self.work() }  // the threads live as long as the process
            thread.name = "\(name)-\(number)"
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: executor)
        }
    }
}
