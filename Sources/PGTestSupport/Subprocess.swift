import Foundation

/// Runs a program to completion with posix_spawn + waitpid: stdin from /dev/null, stdout and
/// stderr together into a temp file. Returns the exit status and the output.
///
/// Not Foundation's Process: its waitUntilExit spins a run loop and was seen to hang for ever
/// in `swift test` on Linux after the child had exited (with every test thread blocked waiting
/// for the shared cluster).
func runToCompletion(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    var template = Array((ClusterRegistry.temporaryDirectory + "/arena-pg-output-XXXXXX").utf8CString)
    let outputFile = mkstemp(&template)
    guard outputFile >= 0 else { return (-1, "cannot create a temp file for the output of \(executable)") }
    let outputPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { close(outputFile); unlink(outputPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputFile, 1)
    posix_spawn_file_actions_adddup2(&actions, outputFile, 2)

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { return (-1, "cannot run \(executable): \(String(cString: strerror(spawned)))") }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
}
