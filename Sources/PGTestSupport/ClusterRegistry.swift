import Foundation

/// The test clusters this process started, so they are stopped at exit; and the reaping of
/// clusters whose test process died without stopping them.
final class ClusterRegistry: @unchecked Sendable {
    static let shared: ClusterRegistry = {
        atexit { ClusterRegistry.shared.stopAll() }
        return ClusterRegistry()
    }()

    /// Where base directories go: /tmp unless TMPDIR says otherwise (as root, the `postgres`
    /// user must be able to search every directory on the way).
    static let temporaryDirectory: String = {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return tmp.count > 1 && tmp.hasSuffix("/") ? String(tmp.dropLast()) : tmp
    }()

    private let lock = NSLock()
    private var bases: Set<String> = []
    private var reaped = false

    func register(_ base: String) {
        lock.withLock { _ = bases.insert(base) }
    }

    /// Stops the cluster in `base` (if running) and removes `base`.
    func stopAndRemove(_ base: String) {
        lock.withLock { _ = bases.remove(base) }
        Self.stopAndRemoveDirectory(base)
    }

    func stopAll() {
        let all = lock.withLock { () -> Set<String> in defer { bases = [] }; return bases }
        all.forEach(Self.stopAndRemoveDirectory)
    }

    /// Once per process: stops and removes `arena-pg-test-*` directories whose owner process
    /// is gone (a crashed or killed test run).
    func reapStale() {
        guard lock.withLock({ () -> Bool in defer { reaped = true }; return !reaped }) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.temporaryDirectory)) ?? []
        for name in names where name.hasPrefix("arena-pg-test-") {
            let base = Self.temporaryDirectory + "/" + name
            guard let text = try? String(contentsOfFile: base + "/owner.pid", encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            Self.stopAndRemoveDirectory(base)
        }
    }

    private static func stopAndRemoveDirectory(_ base: String) {
        let cluster = base + "/cluster"
        if FileManager.default.fileExists(atPath: cluster + "/data/PG_VERSION") {
            _ = try? PostgresTestCluster.runScript(["stop", cluster])
        }
        try? FileManager.default.removeItem(atPath: base)
    }
}
