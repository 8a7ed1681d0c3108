import ArenaTestTraits
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real arena binary in a real terminal: a detached tmux session on a private tmux server,
/// driven with `send-keys` and read with `capture-pane`, as a user would see it.
struct TmuxPane: Sendable {
    /// One tmux server per test process, so nothing touches the user's sessions.
    static let socket = "arena-tests-\(ProcessInfo.processInfo.processIdentifier)"
    let name: String

    /// Starts `arguments` (the arena binary and its arguments) with exactly `environment` added to
    /// tmux's own (TERM is tmux's).
    static func start(_ arguments: [String], environment: [String: String], width: Int = 120, height: Int = 32) throws -> TmuxPane {
        let pane = TmuxPane(name: "p" + UUID().uuidString.prefix(8).lowercased())
        let command = ["env"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + arguments
        try tmux(["new-session", "-d", "-s", pane.name, "-x", "\(width)", "-y", "\(height)",
                  command.map(Self.shellQuoted).joined(separator: " ") + "; echo '[exited]'; sleep 30"])
        return pane
    }

    static var isInstalled: Bool { (try? tmux(["-V"])) != nil }

    func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    func screen() -> String { (try? Self.tmux(["capture-pane", "-p", "-t", name])) ?? "" }

    /// Polls the screen until `condition` holds (true) or `timeout` passes (false).
    func wait(timeout: Duration = .seconds(20), _ condition: (String) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(screen()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(screen())
    }

    /// Polls the screens in turn until one makes `condition` (pane index, screen) true; that one,
    /// or nil at `deadline`.
    static func waitAny(_ panes: [TmuxPane], until deadline: ContinuousClock.Instant,
                        _ condition: (Int, String) -> Bool) -> (index: Int, screen: String)? {
        repeat {
            for (index, pane) in panes.enumerated() {
                let screen = pane.screen()
                if condition(index, screen) { return (index, screen) }
            }
            Thread.sleep(forTimeInterval: 0.02)
        } while ContinuousClock.now < deadline
        return nil
    }

    func kill() { _ = try? Self.tmux(["kill-session", "-t", name]) }

    /// Runs tmux (`ChildProcess`: the first command forks the tmux server, which keeps inherited
    /// descriptors open, so the output goes through a file, never a pipe the server could hold).
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let (status, output) = ChildProcess.run("tmux", ["-L", socket] + arguments, errors: .discarded)
        guard status == 0 else { throw TmuxFailure(arguments: arguments, status: status) }
        return output
    }

    struct TmuxFailure: Error { var arguments: [String]; var status: Int32 }

    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
