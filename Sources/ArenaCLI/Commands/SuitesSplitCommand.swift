import ArenaCore
import ArgumentParser
import Foundation

/// `arena suites split SUITE --test 0.3 --seed S` — hold out a share of a suite's prompts.
struct SuitesSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Mark a share of a suite's prompts `split: test` and the rest `split: dev`, in the suite file.",
        discussion: """
            Chosen by a seeded shuffle (the same file and seed give the same split), written into the \
            file with nothing else changed (comments and layout stay). A file that already has split: \
            keys is left alone. Then decide on the held-out half with --split test (recommend, \
            suites health, leaderboard --suite) and tune on --split dev.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite (name or path).") var suite: String
    @Option(help: "Share of the prompts held out for test.") var test: Double = 0.3
    @Option(help: "Seed of the shuffle.") var seed: UInt64 = 1
    @Flag(help: "Print the file as it would be, without writing it.") var dryRun = false

    func validate() throws {
        guard test > 0, test < 1 else { throw ValidationError("--test must be between 0 and 1, e.g. 0.3") }
    }

    func run() throws {
        let promptSuite = try SuiteLoading.load(suite, locations: global.locations)
        let path = promptSuite.source
        guard promptSuite.prompts.count >= 2 else { throw CLIFailure.badInput("\(path): a split needs at least two prompts") }
        let original: String
        do { original = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIFailure("cannot read \(path): \(error.localizedDescription)")
        }
        let assignment = SuiteSplitWriter.assign(ids: promptSuite.prompts.map(\.id), testShare: test, seed: seed)
        let written: String
        do { written = try SuiteSplitWriter.write(original, file: path, assignment: assignment) } catch {
            throw CLIFailure.badInput("\(error)")
        }
        if dryRun {
            print(written, terminator: written.hasSuffix("\n") ? "" : "\n")
            return
        }
        do { try written.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CLIFailure("cannot write \(path): \(error.localizedDescription)")
        }
        let tests = promptSuite.prompts.filter { assignment[$0.id] == .test }.map(\.id)
        ConsoleWriter().out("\(promptSuite.name): \(tests.count) test (\(tests.joined(separator: ", "))), "
                            + "\(promptSuite.prompts.count - tests.count) dev, written to \(path)\n")
    }
}
