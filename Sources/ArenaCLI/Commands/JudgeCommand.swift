import ArenaCore
import ArenaStore
import ArenaTerminal
import ArenaUI
import ArgumentParser
import Foundation

/// `arena judge [SUITE]` — the arena screen in judge mode over a batch run's stored answers.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge stored answers of a batch run, blind, two at a time; mark each adequate or not.",
        discussion: """
            Shows pending comparisons (two models' answers to the same prompt) with shuffled seats \
            and no names. Vote with the usual keys; + / - mark the focused answer adequate or not \
            (for `arena recommend --bar adequate>=…`); u undoes the last verdict. The next pair is \
            the one whose ranking a vote would settle most (--order active), or --order random|file.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite to judge (default: the only suite with stored answers).") var suite: String?
    @Option(help: "Which comparison comes next.") var order: JudgeQueue.Order = .active
    @OptionGroup var selection: ModelSelection
    @Option(help: "Seed for the order and the seat shuffle.") var seed: UInt64?
    @Option(name: .long, help: "Colour theme by name or path to a theme file.") var theme: String?

    func run() async throws {
        guard TerminalInfo.stdinIsTerminal, TerminalInfo.stdoutIsTerminal else {
            throw CLIFailure.badInput("judging needs a terminal")
        }
        let store = try global.openStore()
        let promptSuite = try resolveSuite(store: store)
        let config = (try? ConfigFile.load(path: global.locations.configPath)) ?? ArenaConfig(models: [])
        let answers: [RunAnswer]
        let judged: [StoredBattle]
        do {
            answers = try store.runAnswers(suite: promptSuite.name)
            judged = try store.battles(suite: promptSuite.name)
        } catch { throw CLIFailure(error.description) }
        let queue = JudgeQueue(suite: promptSuite, answers: answers, judged: judged, order: order,
                               models: selection.restriction)
        guard queue.models.count >= 2 else {
            throw CLIFailure.badInput("\(promptSuite.name) has answers from \(queue.models.count) model(s); run it on at least two: arena run \(promptSuite.name)")
        }
        guard !queue.pending.isEmpty else {
            print("nothing left to judge in \(promptSuite.name): \(counted(queue.judgedCount, "comparison")) judged; "
                  + MoreEvidence.moreAnswers(promptSuite, models: queue.models))
            return
        }
        let rater = RaterIdentity.default(config: config)
        let session = JudgeSession(suite: promptSuite, queue: queue, store: store, config: config, rater: rater,
                                   seed: seed ?? UInt64.random(in: 0...UInt64.max))
        var environment = ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil { environment["XDG_CONFIG_HOME"] = (global.locations.configDirectory as NSString).deletingLastPathComponent }
        let (resolvedTheme, warning) = ThemeResolver.resolve(name: theme, environment: environment)
        defer { session.releaseCurrent() }
        do {
            try await ArenaScreen.run(environment: try session.environment(), theme: resolvedTheme, notice: warning)
        } catch let error as TerminalError {
            throw CLIFailure(error.message)
        }
        print("\(counted(session.pendingCount, "comparison")) left in \(promptSuite.name)")
    }

    private func resolveSuite(store: BattleStore) throws -> PromptSuite {
        if let suite { return try SuiteLoading.load(suite, locations: global.locations) }
        let withRuns: [String]
        do { withRuns = try store.runSuites() } catch { throw CLIFailure(error.description) }
        guard withRuns.count == 1, let only = withRuns.first else {
            throw CLIFailure.badInput(withRuns.isEmpty ? "no stored answers to judge; start with `arena run SUITE`"
                                      : "several suites have answers (\(withRuns.joined(separator: ", "))); name one")
        }
        return try SuiteLoading.load(only, locations: global.locations)
    }
}
