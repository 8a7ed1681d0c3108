import ArenaTestSupport
import Foundation

/// Runs the real `arena` binary (built next to the test bundle) as a user would.
struct ArenaProcess: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["ARENA_BINARY"] { return URL(fileURLWithPath: override) }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("arena")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates.last!.appendingPathComponent("arena")
    }

    /// A scratch home: config and store paths inside it, nothing from the real user.
    let home: URL
    var environment: [String: String]

    init(extraEnvironment: [String: String] = [:]) {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("arena-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment = ["ARENA_DISCOVERY": "off", "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                       "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                       "XDG_DATA_HOME": home.appendingPathComponent("data").path, "NO_COLOR": "1"]
            .merging(extraEnvironment) { $1 }
    }

    var configPath: String { home.appendingPathComponent("config/arena/config.yaml").path }
    var storePath: String { home.appendingPathComponent("data/arena/arena.sqlite").path }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: (configPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Runs arena and waits for it on a GCD thread, never blocking the cooperative pool (the
    /// in-process test servers run on it).
    func run(_ arguments: [String], stdin: String? = nil, binary: URL = ArenaProcess.binary) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, stdin: stdin, binary: binary) })
            }
        }
    }

    /// Starts arena and kills it with SIGKILL after `delay` unless it finished first.
    /// Returns the result and whether it was killed.
    func runKilled(_ arguments: [String], after delay: Duration) async throws -> (Result, killed: Bool) {
        let killed = Locked(false)
        let result = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result {
                    try runBlocking(arguments, stdin: nil) { process in
                        let deadline = ContinuousClock.now + delay
                        while ContinuousClock.now < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.002) }
                        if process.isRunning {
                            killed.update { $0 = true }
                            kill(process.processIdentifier, SIGKILL)
                        }
                    }
                })
            }
        }
        return (result, killed.value)
    }

    /// Starts arena and sends it SIGINT (Ctrl-C) once `interruptWhen` is true, then waits.
    func runInterrupted(_ arguments: [String], interruptWhen: @escaping @Sendable () -> Bool) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result {
                    try runBlocking(arguments, stdin: nil) { process in
                        let deadline = Date().addingTimeInterval(20)
                        while !interruptWhen(), Date() < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.01) }
                        process.interrupt()
                    }
                })
            }
        }
    }

    private func runBlocking(_ arguments: [String], stdin: String?, binary: URL = ArenaProcess.binary,
                             whileRunning: (@Sendable (Process) -> Void)? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        if let whileRunning {
            nonisolated(unsafe) let running = process  // only read and interrupted from the watcher
            DispatchQueue.global().async { whileRunning(running) }
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
