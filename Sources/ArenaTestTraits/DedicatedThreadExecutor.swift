import Foundation

/// A task executor that runs every job it is given on one thread of its own, never on Swift's
/// cooperative pool. The pool has one thread per core (two on the CI machines); a test whose
/// synchronous body computes for seconds would hold one of them, and two such tests stall every
/// other test in the process — in-process HTTP servers, timeouts and all.
public final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false

    public init(name: String = "arena.test") {
        // The thread holds the executor until its last job has run and `shutdown()` was called.
        let thread = Thread { self.runJobs() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread finish once no job is left; jobs enqueued later still run before it ends.
    public func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty { condition.unlock(); return }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs blocking or CPU-heavy work (polling tmux, a long model check) on a new thread and awaits
/// its result, for a test that is otherwise async and stays on the pool.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
