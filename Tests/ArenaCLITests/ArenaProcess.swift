import ArenaTestSupport
import Foundation
import Subprocess

/// Runs the real `arena` binary (built next to the test bundle) as a user would, through
/// swift-subprocess: standard output and standard error are read at the same time, so a child
/// that fills one pipe while the test reads the other cannot hang the test.
///
/// ```swift
/// let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
/// try arena.writeConfig("models: …")
/// let result = try await arena.run(["ask", "--json", "Explain CRDTs"])   // status, stdout, stderr
/// ```
///
/// Traps: the environment is exactly `environment` (nothing inherited but what it copies). Both
/// outputs are collected whole in memory. A run waits on no thread: the in-process test servers
/// keep the cooperative pool.
struct ArenaProcess: Sendable {
    struct Result: Sendable {
        /// The exit code, or 128 + the signal number for a child killed by a signal (as a shell says).
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

    /// Writes a suite file into this home's prompts directory, as a user would.
    func writeSuite(_ name: String, _ yaml: String) throws {
        let prompts = home.appendingPathComponent("config/arena/prompts")
        try FileManager.default.createDirectory(at: prompts, withIntermediateDirectories: true)
        try yaml.write(to: prompts.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: (configPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Runs arena (or `binary`) to its end, with `stdin` as its standard input (empty if nil).
    func run(_ arguments: [String], stdin: String? = nil, binary: URL = ArenaProcess.binary) async throws -> Result {
        try await execute(arguments, stdin: stdin, binary: binary, watch: nil)
    }

    /// Starts arena and kills it with SIGKILL after `delay` unless it finished first.
    /// Returns the result and whether it was killed.
    func runKilled(_ arguments: [String], after delay: Duration, binary: URL = ArenaProcess.binary) async throws -> (Result, killed: Bool) {
        let result = try await execute(arguments, stdin: nil, binary: binary) { signal in
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { signal(.kill) }
        }
        return (result, result.status == 128 + SIGKILL)
    }

    /// Starts arena and sends it SIGINT (Ctrl-C) once `interruptWhen` is true (or after 20 s),
    /// then waits for it to end.
    func runInterrupted(_ arguments: [String], binary: URL = ArenaProcess.binary,
                        interruptWhen: @escaping @Sendable () -> Bool) async throws -> Result {
        try await execute(arguments, stdin: nil, binary: binary) { signal in
            let deadline = ContinuousClock.now + .seconds(20)
            while !interruptWhen(), ContinuousClock.now < deadline, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
            if !Task.isCancelled { signal(.interrupt) }
        }
    }

    /// What a running server has written so far, for `runServing`'s session.
    struct LiveOutput: Sendable {
        let stdoutData: Locked<Data>
        let stderrData: Locked<Data>
        var stdout: String { String(decoding: stdoutData.value, as: UTF8.self) }
        var stderr: String { String(decoding: stderrData.value, as: UTF8.self) }

        /// Returns once standard output (or error) holds `text`, or when the child has gone (the
        /// session is cancelled then).
        func wait(for text: String, inStderr: Bool = false) async {
            while !Task.isCancelled, !(inStderr ? stderr : stdout).contains(text) {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Starts a long-running arena (a server) and runs `session` beside it with what it has
    /// written so far and a way to signal it; waits for the child to end after the session.
    func runServing(_ arguments: [String], binary: URL = ArenaProcess.binary,
                    session: @escaping @Sendable (LiveOutput, _ signal: @escaping @Sendable (Signal) -> Void) async -> Void) async throws -> Result {
        let live = LiveOutput(stdoutData: Locked(Data()), stderrData: Locked(Data()))
        return try await execute(arguments, stdin: nil, binary: binary, live: live) { signal in await session(live, signal) }
    }

    /// Runs the child, reading both outputs to their ends at once. `watch` runs beside it with a
    /// way to signal it, and is cancelled once both outputs have ended (the child is gone).
    private func execute(_ arguments: [String], stdin: String?, binary: URL, live: LiveOutput? = nil,
                         watch: (@Sendable (_ signal: @escaping @Sendable (Signal) -> Void) async -> Void)?) async throws -> Result {
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        let outcome = try await Subprocess.run(
            .path(.init(binary.path)), arguments: Arguments(arguments), environment: .custom(variables),
            input: .string(stdin ?? ""), output: .sequence, error: .sequence
        ) { execution in
            // Tasks 1 and 2 read the outputs; task 0 is the watcher, cancelled once both have ended.
            try await withThrowingTaskGroup(of: (Int, Data).self) { group in
                group.addTask { (1, try await Self.collect(execution.standardOutput, into: live?.stdoutData)) }
                group.addTask { (2, try await Self.collect(execution.standardError, into: live?.stderrData)) }
                if let watch {
                    group.addTask {
                        await watch { signal in try? execution.send(signal: signal) }
                        return (0, Data())
                    }
                }
                var outputs: [Int: Data] = [:]
                while outputs.count < 2, let (task, data) = try await group.next() {
                    if task > 0 { outputs[task] = data }
                }
                group.cancelAll()
                return (outputs[1] ?? Data(), outputs[2] ?? Data())
            }
        }
        let status: Int32 = switch outcome.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        let (stdout, stderr) = outcome.closureResult
        return Result(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    private static func collect(_ output: SubprocessOutputSequence, into live: Locked<Data>? = nil) async throws -> Data {
        var data = Data()
        for try await buffer in output {
            buffer.withUnsafeBytes { data.append(contentsOf: $0) }
            if let live { let copy = data; live.update { $0 = copy } }
        }
        return data
    }
}
