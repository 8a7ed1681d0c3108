import Foundation
import ArenaTestTraits

/// A throwaway PostgreSQL server for tests: `scripts/postgres-test-cluster.sh` run in a temp
/// directory on a free 127.0.0.1 port, with role `arena` / password `secret-pw` / database `arena`.
///
/// ```swift
/// let cluster = try PostgresTestCluster.shared()          // started once per test process
/// let conn = try PostgresConnection(url: cluster.urlWithPassword)
/// ```
///
/// `shared()` is stopped when the process exits; a cluster from `start()` is the caller's to
/// `stop()` (use one for tests that restart the server, so other tests are not disturbed).
/// With `ARENA_TEST_POSTGRES_URL` set (say `postgres://arena:pw@host:5432/arena`), `shared()`
/// uses that server instead and starts nothing; it cannot be restarted. Clusters left behind
/// by a crashed test process are stopped and removed by the next `start()` (or `shared()`).
public final class PostgresTestCluster: Sendable {
    /// `postgres://arena@127.0.0.1:PORT/arena` (no password).
    public let url: String
    /// The role's password.
    public let password: String
    /// The TCP port on 127.0.0.1 (or the external server's port).
    public let port: Int
    /// The cluster's directory (socket, data/, server.log), nil for an external server.
    public let directory: String?

    /// `url` with the password in it (percent-encoded).
    public var urlWithPassword: String {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        return url.replacingFirstUserInfo(password: encoded)
    }

    /// Whether `restart()` can work (false for an external server).
    public var canRestart: Bool { directory != nil }

    private init(url: String, password: String, port: Int, directory: String?) {
        self.url = url
        self.password = password
        self.port = port
        self.directory = directory
    }

    // MARK: - Starting

    /// The one cluster of this test process, started (or found external) on first use.
    public static func shared() throws(PostgresTestClusterError) -> PostgresTestCluster {
        try sharedCluster.get()
    }

    private static let sharedCluster: Result<PostgresTestCluster, PostgresTestClusterError> = {
        if let external = ProcessInfo.processInfo.environment["ARENA_TEST_POSTGRES_URL"], !external.isEmpty {
            return Result { () throws(PostgresTestClusterError) in try PostgresTestCluster(externalURL: external) }
        }
        return Result { () throws(PostgresTestClusterError) in try start() }
    }()

    /// Starts a new private cluster (initdb + start: about 1–2 s here); `stop()` it when done. It is also
    /// stopped at process exit if still running.
    public static func start() throws(PostgresTestClusterError) -> PostgresTestCluster {
        ClusterRegistry.shared.reapStale()
        var lastError = PostgresTestClusterError("no attempt made")
        for _ in 0..<3 {   // a free port can be taken between our check and the server's bind
            let base = try makeBaseDirectory()
            let directory = base + "/cluster"
            let port = try freePort()
            ClusterRegistry.shared.register(base)
            do {
                let output = try runScript(["start", directory, String(port)])
                let url = output.split(separator: "\n").last.map(String.init) ?? "postgres://arena@127.0.0.1:\(port)/arena"
                return PostgresTestCluster(url: url, password: "secret-pw", port: port, directory: directory)
            } catch {
                lastError = error
                ClusterRegistry.shared.stopAndRemove(base)
            }
        }
        throw lastError
    }

    private convenience init(externalURL: String) throws(PostgresTestClusterError) {
        guard var components = URLComponents(string: externalURL), components.host != nil else {
            throw PostgresTestClusterError("ARENA_TEST_POSTGRES_URL is not a postgres:// URL")
        }
        let environment = ProcessInfo.processInfo.environment
        let password = components.password ?? environment["ARENA_TEST_POSTGRES_PASSWORD"] ?? environment["PGPASSWORD"] ?? ""
        components.password = nil
        self.init(url: components.string ?? externalURL, password: password,
                  port: components.port ?? 5432, directory: nil)
    }

    // MARK: - Restarting and stopping

    /// Restarts the server (`pg_ctl restart -m fast`): every open connection is dropped.
    public func restart() throws(PostgresTestClusterError) {
        guard let directory else { throw PostgresTestClusterError("cannot restart an external server (\(url))") }
        _ = try Self.runScript(["restart", directory])
    }

    /// Stops the server and keeps its files, until `resume` (a restart in two steps, so a test can
    /// act while it is down).
    public func pause() throws(PostgresTestClusterError) {
        guard let directory else { throw PostgresTestClusterError("cannot stop an external server (\(url))") }
        _ = try Self.runScript(["stop", directory])
    }

    /// Starts a paused server again and waits until it accepts connections.
    public func resume() throws(PostgresTestClusterError) {
        guard let directory else { throw PostgresTestClusterError("cannot start an external server (\(url))") }
        _ = try Self.runScript(["resume", directory])
    }

    /// Stops the server and removes its directory (nothing for an external server).
    public func stop() {
        guard let directory else { return }
        ClusterRegistry.shared.stopAndRemove((directory as NSString).deletingLastPathComponent)
    }

    // MARK: - Helpers

    /// `scripts/postgres-test-cluster.sh` of this source tree, or `$ARENA_POSTGRES_CLUSTER_SCRIPT`.
    static var scriptPath: String {
        if let path = ProcessInfo.processInfo.environment["ARENA_POSTGRES_CLUSTER_SCRIPT"] { return path }
        // #filePath is <root>/Sources/<Target>/PostgresTestCluster.swift.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/postgres-test-cluster.sh").path
    }

    /// Runs the script; returns its output, or throws with it.
    @discardableResult
    static func runScript(_ arguments: [String]) throws(PostgresTestClusterError) -> String {
        let (status, output) = ChildProcess.run("/bin/bash", [scriptPath] + arguments)
        guard status == 0 else {
            throw PostgresTestClusterError("postgres-test-cluster.sh \(arguments.joined(separator: " ")) failed (\(status)):\n\(output)")
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A new `<tmp>/arena-pg-test-XXXXXX` directory, searchable by all (the cluster directory
    /// inside is private to the server's user), with our pid in `owner.pid`.
    private static func makeBaseDirectory() throws(PostgresTestClusterError) -> String {
        var template = Array((ClusterRegistry.temporaryDirectory + "/arena-pg-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PostgresTestClusterError("cannot create a temp directory in \(ClusterRegistry.temporaryDirectory)")
        }
        let base = String(cString: made)
        chmod(base, 0o755)
        try? String(getpid()).write(toFile: base + "/owner.pid", atomically: true, encoding: .utf8)
        return base
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    private static func freePort() throws(PostgresTestClusterError) -> Int {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw PostgresTestClusterError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw PostgresTestClusterError("cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why a test cluster could not be started, restarted or reached.
public struct PostgresTestClusterError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

private extension String {
    /// `scheme://user@rest` → `scheme://user:password@rest`.
    func replacingFirstUserInfo(password: String) -> String {
        guard let scheme = range(of: "://"), let at = self[scheme.upperBound...].firstIndex(of: "@") else { return self }
        return String(self[..<at]) + ":" + password + String(self[at...])
    }
}
