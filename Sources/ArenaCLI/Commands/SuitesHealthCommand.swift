import ArenaCore
import ArgumentParser
import Foundation

/// `arena suites health SUITE` — which prompts still tell models apart, and what to do with the rest.
struct SuitesHealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Per prompt of a suite: saturated, broken, discriminating, noisy or too few judgements, with a suggestion.",
        discussion: """
            From the suite's judged battles (`arena judge`) and adequacy marks. Decisive: the share of \
            judgements that named a winner. Adequate: the share of marked models marked adequate on it. \
            Discrimination: how well its verdicts follow the models' order on the suite's other prompts \
            (+1 a verdict for the model rated higher there, −1 against, 0 a tie), with a 95% interval. \
            Broken: every marked model inadequate, or both-bad in half the judgements. Saturated: ties in \
            half the judgements and no marked model inadequate. Discriminating: the interval is above 0. \
            Noisy: enough judgements, neither. See docs/suites.md.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite (name or path).") var suite: String
    @Option(help: "Judgements a prompt needs before it is classed.") var minJudgements: Int = 6
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Only the prompts marked `split: dev` or `split: test`.", valueName: "dev|test"))
    var split: PromptSplit?

    func validate() throws {
        guard minJudgements >= 1 else { throw ValidationError("--min-judgements must be at least 1") }
        guard format != .csv else { throw ValidationError("--format must be table or json") }
    }

    func run() throws {
        let selection = try SuiteSplitSelection(SuiteLoading.load(suite, locations: global.locations), split: split)
        let promptSuite = selection.suite
        let store = try global.openExistingStore()
        let health: SuiteHealth
        do {
            let battles = try store.battles(suite: promptSuite.name)
            health = SuiteHealth(suite: promptSuite.name, promptIDs: promptSuite.prompts.map(\.id),
                                 battles: split == nil ? battles : selection.battles(battles),
                                 marks: selection.marks(try store.adequacyMarks(suite: promptSuite.name)), minimum: minJudgements)
        } catch { throw CLIFailure(error.description) }
        switch format {
        case .json: print(try SuiteHealthPrinter.json(health))
        default: print(SuiteHealthPrinter.table(health, style: Style(enabled: TerminalInfo.useColor)))
        }
    }
}

enum SuiteHealthPrinter {
    static func table(_ health: SuiteHealth, style: Style) -> String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
        let rows = health.prompts.map { prompt -> [String] in
            let discrimination = prompt.discrimination.map { value in
                String(format: "%+.2f", value) + (prompt.discriminationInterval.map { String(format: " [%+.2f, %+.2f]", $0.lowerBound, $0.upperBound) } ?? "")
            } ?? "–"
            return [prompt.id, prompt.status.rawValue, String(prompt.judgements), percent(prompt.decisiveShare),
                    percent(prompt.adequateShare), discrimination, prompt.status.suggestion]
        }
        var lines = TextTable(header: ["prompt", "status", "judgements", "decisive", "adequate", "discrimination (95%)", "suggestion"],
                              rows: rows, numeric: [2, 3, 4]).lines()
        let counts = Dictionary(grouping: health.prompts, by: \.status).mapValues(\.count)
        let summary = [SuiteHealth.Status.discriminating, .saturated, .broken, .noisy, .tooFew]
            .compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        lines.append(style.dim("\(health.suite): \(health.prompts.count) prompts — " + summary.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    struct PromptJSON: Encodable {
        var id: String
        var status: String
        var adequate_share: Double?
        var decisive_share: Double?
        var discrimination: Double?
        var discrimination_low: Double?
        var discrimination_high: Double?
        var judgements: Int
        var suggestion: String

        /// Absent values are written as `null`: every key is always there.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(status, forKey: .status)
            try container.encode(adequate_share, forKey: .adequate_share)
            try container.encode(decisive_share, forKey: .decisive_share)
            try container.encode(discrimination, forKey: .discrimination)
            try container.encode(discrimination_low, forKey: .discrimination_low)
            try container.encode(discrimination_high, forKey: .discrimination_high)
            try container.encode(judgements, forKey: .judgements)
            try container.encode(suggestion, forKey: .suggestion)
        }

        enum CodingKeys: String, CodingKey {
            case id, status, adequate_share, decisive_share, discrimination, discrimination_low, discrimination_high, judgements, suggestion
        }
    }

    struct HealthJSON: Encodable {
        var suite: String
        var prompts: [PromptJSON]
    }

    static func json(_ health: SuiteHealth) throws -> String {
        let body = HealthJSON(suite: health.suite, prompts: health.prompts.map { prompt in
            PromptJSON(id: prompt.id, status: prompt.status.rawValue, adequate_share: prompt.adequateShare,
                       decisive_share: prompt.decisiveShare, discrimination: prompt.discrimination,
                       discrimination_low: prompt.discriminationInterval?.lowerBound,
                       discrimination_high: prompt.discriminationInterval?.upperBound,
                       judgements: prompt.judgements, suggestion: prompt.status.suggestion)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
