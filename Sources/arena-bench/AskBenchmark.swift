import Foundation

/// `arena-bench ask`: CPU per streamed token of the real `arena ask --json` process (issue #16).
/// The bench server (its own process, not counted) streams `--seats` answers of `--tokens`
/// 4-character tokens each, as fast as the socket takes them; the figure is the `arena` child's
/// user + system CPU (`getrusage(RUSAGE_CHILDREN)`) divided by every token streamed.
///
/// ```sh
/// .build/release/arena-bench ask --arena .build/release/arena --tokens 20000 --seats 2 --runs 3
/// ```
///
/// Traps: includes process start, config loading, the SQLite save and the JSON print, which a
/// small `--tokens` makes dominant; the server is a child too, so it is only reaped at the end.
enum AskBenchmark {
    static let usage = """
    [--arena PATH (default: beside arena-bench)] [--tokens 20000] [--seats 2] [--runs 3]

    """

    static func run(_ arguments: [String]) async -> Int32 {
        var tokens = 20_000, seats = 2, runs = 3
        var arena = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arena").path
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--arena": arena = value
            case "--tokens": tokens = Int(value) ?? tokens
            case "--seats": seats = Int(value) ?? seats
            case "--runs": runs = Int(value) ?? runs
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        do {
            let (server, port) = try BenchServer.spawn()
            defer { server.terminate() }
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("arena-bench-ask-\(getpid())")
            defer { try? FileManager.default.removeItem(at: home) }
            let configDir = home.appendingPathComponent("config/arena")
            try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
            let names = (0..<seats).map { "seat\($0)" }
            let config = "models:\n" + names.map { name in
                "  - name: \(name)\n    base_url: http://127.0.0.1:\(port)/\(name)/v1\n    model: stream-\(tokens)-0\n"
            }.joined()
            try config.write(to: configDir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
            print("arena ask: \(seats) seats × \(tokens) tokens over loopback, \(runs) runs (CPU of the arena process only)")
            for run in 1...runs {
                let before = childCPU()
                let started = Date()
                let status = try runArena(arena, home: home, arguments: ["ask", "--json", "--vote", "skip", "bench prompt"])
                let wall = Date().timeIntervalSince(started)
                let cpu = childCPU() - before
                guard status == 0 else { throw BenchFailure("arena ask exited with \(status)") }
                let perToken = cpu / Double(seats * tokens) * 1e6
                print(String(format: "run %d: %.3f s CPU, %.3f s wall, %.2f µs CPU per token", run, cpu, wall, perToken))
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("arena-bench ask: \(error)\n".utf8))
            return 1
        }
    }

    private static func runArena(_ path: String, home: URL, arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = BenchServer.arenaEnvironment(home: home)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// User + system CPU seconds of every child reaped so far.
    private static func childCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
