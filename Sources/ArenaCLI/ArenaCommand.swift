import ArenaGateway
import ArgumentParser
import Foundation

/// `arena` — blind side-by-side comparison of language models, with a private leaderboard.
public struct ArenaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "Compare language models side by side, blind, and rank them by your own verdicts.",
        version: ArenaVersion.current,
        subcommands: [ScreenCommand.self, AskCommand.self, ModelsCommand.self, ConfigCommand.self, ExportCommand.self,
                      ImportCommand.self, LeaderboardCommand.self, StatsCommand.self, SuitesCommand.self,
                      RunCommand.self, JudgeCommand.self, RecommendCommand.self, GatewayCommand.self, SyncCommand.self, StoreCommand.self, DriftCommand.self],
        defaultSubcommand: ScreenCommand.self)

    public init() {}

    /// Process-wide set-up that must happen before any task runs: `arena gateway` and `arena ask`
    /// run Swift concurrency on NIO's event loops, so a streamed chunk is not handed from an
    /// event loop thread to a pool thread (ask: about 16% less CPU per token, docs/performance.md).
    /// The screen keeps its own UI thread and the default pool. `ARENA_EXECUTOR=pool` turns it off
    /// (for comparison). Call it first in `main`.
    public static func prepareProcess(arguments: [String] = CommandLine.arguments) {
        let onEventLoops: Set<String> = ["gateway", "ask"]
        if onEventLoops.contains(arguments.dropFirst().first ?? ""), ProcessInfo.processInfo.environment["ARENA_EXECUTOR"] != "pool" {
            GatewayProcess.useEventLoopsForConcurrency()
        }
    }

    /// Parses the command line, runs the command, and exits with a one-line message on failure.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("arena: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            exitWithArgumentError(error)
        }
    }

    /// Help and version exit 0 as the parser prints them. Any other parser error (a missing
    /// argument, an unknown option, a failed `validate()`) is bad input: `arena: <message>` on
    /// standard error, the usage hint after it, exit 2 — as the README promises.
    static func exitWithArgumentError(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        let full = fullMessage(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if full.isEmpty { Foundation.exit(code.rawValue) }
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines[0].hasPrefix("Error: ") { lines[0].removeFirst("Error: ".count) }
        lines[0] = "arena: " + lines[0]
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(code == .validationFailure ? CLIFailure.badInputCode : code.rawValue)
    }
}

public enum ArenaVersion {
    public static let current = "0.1.0"
}

/// A failure the user must see: printed as `arena: <message>` on standard error, then exit.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }

    /// Exit code for bad input (config, arguments): 2. Runtime failures: 1. Interrupted: 130.
    static func badInput(_ message: String) -> CLIFailure { CLIFailure(message, exitCode: badInputCode) }

    static let badInputCode: Int32 = 2
}
