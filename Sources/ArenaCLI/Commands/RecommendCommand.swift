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
            you marked adequate in `arena judge`, by its lower 95% bound; vs=MODEL,winrate>=0.45 — \
            the win-or-tie rate against a reference model in judged battles, by its lower bound. A \
            model is adequate when every bar's lower bound clears it, not adequate when an upper \
            bound falls below, undecided otherwise. Cost per 1,000 prompts = the measured tokens of \
            its answers × the config's current prices.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite (name or path).") var suite: String
    @Option(name: .customLong("bar"), help: ArgumentHelp("adequate>=0.9 or vs=MODEL,winrate>=0.45.", valueName: "spec")) var barSpecs: [String] = []
    @Flag(help: "Also draw rating against cost (log scale) with the Pareto frontier.") var plot = false
    @Option(help: "Seed for the rating intervals.") var seed: UInt64 = 1

    func validate() throws {
        guard !barSpecs.isEmpty else { throw ValidationError("give at least one --bar, e.g. --bar 'adequate>=0.9'") }
        for spec in barSpecs where AdequacyBar(parsing: spec) == nil {
            throw ValidationError("--bar \(spec): expected adequate>=0.9 or vs=MODEL,winrate>=0.45 (rates between 0 and 1)")
        }
    }

    func run() async throws {
        let promptSuite = try SuiteLoading.load(suite, locations: global.locations)
        let config = (try? ConfigFile.load(path: global.locations.configPath)) ?? ArenaConfig(models: [])
        let store = try global.openExistingStore()
        let bars = barSpecs.compactMap(AdequacyBar.init(parsing:))
        let recommendation: Recommendation
        do {
            let answers = try store.runAnswers(suite: promptSuite.name)
            guard !answers.isEmpty else { throw CLIFailure("no stored answers for \(promptSuite.name); run `arena run \(promptSuite.name)` first") }
            for case .winRate(let reference, _) in bars where !answers.contains(where: { $0.key.model == reference }) {
                throw CLIFailure.badInput("--bar vs=\(reference): no answers from a model named \(reference) in \(promptSuite.name)")
            }
            recommendation = Recommendation(suite: promptSuite, models: config.models, answers: answers,
                                            marks: try store.adequacyMarks(suite: promptSuite.name),
                                            battles: try store.battles(suite: promptSuite.name), bars: bars, seed: seed)
        } catch let failure as CLIFailure { throw failure } catch { throw CLIFailure("\(error)") }
        let style = Style(enabled: TerminalInfo.useColor)
        print(RecommendationPrinter(recommendation: recommendation, suite: promptSuite.name, style: style).text())
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
