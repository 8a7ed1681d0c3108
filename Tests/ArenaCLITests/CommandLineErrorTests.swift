import ArenaCLI
import ArenaCore
import ArenaTestSupport
import Foundation
import Testing

/// What a user sees for mistakes on the command line: `arena: …`, exit 2, as the README promises.
@Suite("Argument errors, selections and prompts", .serialized, .timeLimit(.minutes(2)))
struct CommandLineErrorTests {
    @Test func argumentErrorsAreOneArenaLineAndExit2() async throws {
        let arena = ArenaProcess()
        let cases: [([String], String)] = [
            (["ask"], "arena: Missing expected argument '<prompt>'"),
            (["export", "--format", "xml"], "arena: The value 'xml' is invalid for '--format <format>'"),
            (["judge", "--order", "best"], "arena: The value 'best' is invalid for '--order <order>'"),
            (["recommend", "customer-support"], "arena: give at least one --bar, e.g. --bar 'adequate>=0.9'"),
            (["leaderboard", "--bogus"], "arena: Unknown option '--bogus'"),
        ]
        for (arguments, message) in cases {
            let result = try await arena.run(arguments)
            #expect(result.status == 2, "\(arguments): exit \(result.status)")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error: "))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func helpAndVersionStillExit0() async throws {
        let arena = ArenaProcess()
        let help = try await arena.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: arena"), "\(help.stderr)")
        let askHelp = try await arena.run(["ask", "--help"])
        #expect(askHelp.status == 0 && askHelp.stdout.contains("USAGE: arena ask"))
        let version = try await arena.run(["--version"])
        #expect(version.status == 0 && version.stdout == ArenaVersion.current + "\n")
    }

    @Test func aModelNamedTwiceIsRefusedByName() async throws {
        let server = try await AskCommandTests.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["fine", "slow"]))
        let result = try await arena.run(["ask", "--models", "fine,fine", "Q"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("arena: fine named more than once"), "\(result.stderr)")
        #expect(server.requests.isEmpty)
        try await server.stop()
    }

    @Test func aPipedPromptLosesOnlyItsTrailingNewlines() async throws {
        let server = try await AskCommandTests.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["fine", "slow"]))
        let result = try await arena.run(["ask", "--json", "-"], stdin: "  Summarise:\n  the text.\n\n \t\n")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["prompt"] as? String == "  Summarise:\n  the text.")
        let sent = server.requests.compactMap { $0.json.flatMap { ($0["messages"] as? [[String: Any]])?.last?["content"] as? String } }
        #expect(sent == ["  Summarise:\n  the text.", "  Summarise:\n  the text."])
        try await server.stop()
    }
}
