import Foundation

/// Runs a tool to completion, synchronously, for test support that starts daemons (`pg_ctl`,
/// `tmux`): posix_spawn + waitpid, stdin from /dev/null, the output through a temporary file.
///
/// ```swift
/// let (status, output) = ChildProcess.run("tmux", ["-L", socket, "capture-pane", "-p"], errors: .discarded)
/// ```
///
/// Why not swift-subprocess (which `ArenaProcess` uses for the arena binary) or Foundation's
/// `Process`: these tools fork a server that keeps inherited descriptors open, so any pipe-based
/// runner waits for an end of output that never comes (and `Process.waitUntilExit` was seen to hang
/// in `swift test` on Linux after the child had exited). A file is never held open that way.
public enum ChildProcess {
    public enum Errors: Sendable {
        /// Standard error goes into the output with standard output.
        case merged
        case discarded
    }

    /// `executable` is a path, or a name looked up in `PATH`. Returns the exit status (128 + the
    /// signal when killed; -1 when it could not start, with the reason as output) and the output.
    public static func run(_ executable: String, _ arguments: [String], errors: Errors = .merged) -> (status: Int32, output: String) {
        var template = Array((FileManager.default.temporaryDirectory.path + "/arena-child-output-XXXXXX").utf8CString)
        let outputFile = mkstemp(&template)
        guard outputFile >= 0 else { return (-1, "cannot create a temp file for the output of \(executable)") }
        let outputPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(outputFile); unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 1)
        switch errors {
        case .merged: posix_spawn_file_actions_adddup2(&actions, outputFile, 2)
        case .discarded: posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, nil, argv, environ)
            : posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { return (-1, "cannot run \(executable): \(String(cString: strerror(spawned)))") }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}
