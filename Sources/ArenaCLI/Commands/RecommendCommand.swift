import ArenaCore
import ArgumentParser
import Foundation

/// `arena recommend SUITE --bar SPEC` — the cheapest model that is still adequate.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Name the cheapest model that clears your bar on a suite, with the evidence.",
        discussion: """
            Bars (repeat --bar to require several): adequate>=0.9 — the share of a model's answers \
            you marked adequate in `arena judge`; vs=MODEL,winrate>=0.45 — the win rate against a \
            reference model in judged battles, ties and both-bad as half (LMArena's definition); \
            vs=MODEL,noninferior=0.05 — not worse than an incumbent: that win rate is at least \
            0.5 − 0.05. Leaked battles, failed answers and non-blind verdicts do not count. Rates are \
            computed by prompt, so 20 prompts run 5 times are evidence about 20 prompts. A model is \
            adequate when an anytime-valid lower bound clears every bar, not adequate when an upper \
            bound falls below one, undecided otherwise; these decisions hold at 95% jointly over the \
            models, however often you re-run recommend between judgements. Cost per 1,000 prompts = \
            the measured tokens of its answers × the config's current prices.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite (name or path).") var suite: String
    @Option(name: .customLong("bar"), help: ArgumentHelp("adequate>=0.9, vs=MODEL,winrate>=0.45 or vs=MODEL,noninferior=0.05.", valueName: "spec")) var barSpecs: [String] = []
    @Flag(help: "Also draw rating against cost (log scale) with the Pareto frontier.") var plot = false
    @Option(help: "Seed for the rating intervals.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Only the prompts marked `split: dev` or `split: test` (decide on test).", valueName: "dev|test"))
    var split: PromptSplit?

    func validate() throws {
        guard !barSpecs.isEmpty else { throw ValidationError("give at least one --bar, e.g. --bar 'adequate>=0.9'") }
        for spec in barSpecs where AdequacyBar(parsing: spec) == nil {
            throw ValidationError("--bar \(spec): expected \(AdequacyBar.syntax) (rates between 0 and 1, a margin below 0.5)")
        }
    }

    func run() async throws {
        let selection = try SuiteSplitSelection(SuiteLoading.load(suite, locations: global.locations), split: split)
        let promptSuite = selection.suite
        let config = (try? ConfigFile.load(path: global.locations.configPath)) ?? ArenaConfig(models: [])
        let store = try global.openExistingStore()
        let bars = barSpecs.compactMap(AdequacyBar.init(parsing:))
        let recommendation: Recommendation
        do {
            let answers = selection.answers(try store.runAnswers(suite: promptSuite.name))
            guard !answers.isEmpty else { throw CLIFailure("no stored answers for \(promptSuite.name); run `arena run \(promptSuite.name)` first") }
            for reference in bars.compactMap(\.reference) where !answers.contains(where: { $0.key.model == reference }) {
                throw CLIFailure.badInput("--bar vs=\(reference): no answers from a model named \(reference) in \(promptSuite.name)")
            }
            let battles = selection.battles(try store.battles(suite: promptSuite.name))
            let queue = JudgeQueue(suite: promptSuite, answers: answers, judged: battles, order: .file)
            recommendation = Recommendation(suite: promptSuite, models: config.models, answers: answers,
                                            marks: selection.marks(try store.adequacyMarks(suite: promptSuite.name)),
                                            battles: battles, bars: bars, pending: queue.pending, seed: seed)
        } catch let failure as CLIFailure { throw failure } catch { throw CLIFailure("\(error)") }
        let style = Style(enabled: TerminalInfo.useColor)
        print(RecommendationPrinter(recommendation: recommendation, suite: promptSuite.name, style: style,
                                    traffic: MoreEvidence.isTraffic(promptSuite)).text())
        if plot {
            let points = recommendation.rows.compactMap { row -> CostQualityPlot.Point? in
                guard let cost = row.costPerThousand, let rating = row.rating?.rating else { return nil }
                return CostQualityPlot.Point(label: row.model, cost: cost, rating: rating)
            }
            let width = TerminalInfo.stdoutIsTerminal ? min(TerminalInfo.width, 100) : 80
            print("\n" + CostQualityPlot(points: points, width: width, height: 12).lines().joined(separator: "\n"))
        }
    }
}
