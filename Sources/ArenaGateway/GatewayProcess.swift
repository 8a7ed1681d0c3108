import NIOCore
import NIOPosix

/// Process-wide set-up for `arena gateway` (and `arena ask`), done before anything else runs.
public enum GatewayProcess {
    /// Runs Swift concurrency's global executor on NIO's event loops. Then a relayed chunk goes from
    /// the upstream socket to the app's socket without a hop between the two thread pools, which
    /// is most of a relay's cost (see docs/performance.md, "Gateway").
    ///
    /// Trap: call it first thing in `main`, before any task is created, and only for a process
    /// that blocks no task for long (the screen keeps its own threads and the default pool).
    @discardableResult
    public static func useEventLoopsForConcurrency() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
