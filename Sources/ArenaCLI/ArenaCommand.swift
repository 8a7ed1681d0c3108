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
                      RunCommand.self, JudgeCommand.self, RecommendCommand.self, SyncCommand.self],
        defaultSubcommand: ScreenCommand.self)

    public init() {}

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
            exit(withError: error)
        }
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
    static func badInput(_ message: String) -> CLIFailure { CLIFailure(message, exitCode: 2) }
}
