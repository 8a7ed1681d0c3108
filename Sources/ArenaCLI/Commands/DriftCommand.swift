import ArenaCore
import ArenaRanking
import ArenaStore
import ArgumentParser
import Foundation

/// `arena drift SUITE --model NAME` — did the model behind a fixed name change?
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Re-run a suite for one model now, judge it blind against its stored answers, and say whether it changed.",
        discussion: """
            Without --report: sends the suite's prompts to NAME again and stores the answers as \
            NAME@LABEL (LABEL: today's date unless --label), so `arena judge SUITE --models NAME,NAME@LABEL` \
            offers blind pairs of the model now against the same model's stored answers to the same \
            prompts. With --report: the share of those judgements won by the model now (ties and both-bad \
            half), with an anytime-valid 95% interval, and a decision that holds however often you look: \
            changed (better or worse: the interval excludes 0.5), unchanged (the interval lies within \
            0.5 ± --margin), or undecided.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suite (name or path).") var suite: String
    @Option(help: ArgumentHelp("The configured model to check.", valueName: "name")) var model: String
    @Option(help: ArgumentHelp("Name of the new answers' version (default: today's date, YYYY-MM-DD).", valueName: "label"))
    var label: String?
    @Flag(help: "Report on the judged pairs instead of running.") var report = false
    @Option(help: "How far from 0.5 a win rate still counts as unchanged.") var margin: Double = 0.1
    @Option(name: .long, help: "Answers per prompt (as in `arena run`).") var `repeat`: Int = 1
    @Option(name: .long, help: "Requests in flight at once.") var concurrency: Int = 4

    func validate() throws {
        guard margin > 0, margin < 0.5 else { throw ValidationError("--margin must be between 0 and 0.5") }
        guard `repeat` >= 1, `repeat` <= 100 else { throw ValidationError("--repeat must be between 1 and 100") }
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be between 1 and 64") }
        if let label, label.isEmpty || label.contains(",") || label.contains("@") {
            throw ValidationError("--label must be non-empty, without commas or @")
        }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    func run() async throws {
        let promptSuite = try SuiteLoading.load(suite, locations: global.locations)
        if report { return try printReport(promptSuite) }
        let config = try await global.loadConfig()
        guard let original = config.models.first(where: { $0.name == model }) else {
            throw CLIFailure.badInput("--model \(model): no configured model has this name")
        }
        var now = original
        now.name = "\(model)@\(label ?? Self.today())"
        var extended = config
        extended.models.append(now)
        let store = try global.openStore()
        let stored: [RunAnswer]
        do { stored = try store.runAnswers(suite: promptSuite.name) } catch { throw CLIFailure(error.description) }
        guard stored.contains(where: { $0.key.model == model && !$0.isFailure }) else {
            throw CLIFailure.badInput("no stored answers of \(model) in \(promptSuite.name) to compare with; run `arena run \(promptSuite.name) --models \(model)` first")
        }
        try await SuiteRun.execute(suite: promptSuite, config: extended, models: [now], store: store,
                                   repeats: `repeat`, concurrency: concurrency)
        ConsoleWriter().out("""
            judge the model now against its stored answers, blind: arena judge \(promptSuite.name) --models \(model),\(now.name)
            then: arena drift \(promptSuite.name) --model \(model) --report\(label.map { " --label \($0)" } ?? "")

            """)
    }

    func printReport(_ promptSuite: PromptSuite) throws {
        let store = try global.openExistingStore()
        let battles: [StoredBattle]
        do { battles = try store.battles(suite: promptSuite.name) } catch { throw CLIFailure(error.description) }
        let drift = DriftReport(battles: battles, model: model, label: label, margin: margin)
        guard let versions = drift.versions else {
            throw CLIFailure.badInput("no judged pairs of \(model) against a re-run of it in \(promptSuite.name); run `arena drift \(promptSuite.name) --model \(model)` and judge")
        }
        ConsoleWriter().out(drift.text(versions: versions) + "\n")
    }
}

/// The judged pairs of a model now (`NAME@LABEL`) against its stored self (`NAME`), and what
/// they say, with the anytime-valid rule of `arena recommend`.
struct DriftReport {
    enum Decision: String { case better = "changed: better now", worse = "changed: worse now", unchanged, undecided }

    /// The newest label judged (or the one asked for), nil when nothing was judged.
    let versions: (stored: String, now: String)?
    /// Per judgement, in order: 1 the model now won, 0 it lost, 0.5 a tie or both bad.
    let scores: [Double]
    let margin: Double

    init(battles: [StoredBattle], model: String, label: String?, margin: Double) {
        self.margin = margin
        let prefix = model + "@"
        let candidates = battles.filter { stored in
            let names = stored.battle.seats.map(\.model.name)
            return names.contains(model) && names.contains { $0.hasPrefix(prefix) && (label == nil || $0 == prefix + label!) }
        }
        // The newest re-run judged, unless one was named.
        let nowName = label.map { prefix + $0 } ?? candidates.flatMap { $0.battle.seats.map(\.model.name) }
            .filter { $0.hasPrefix(prefix) }.max()
        guard let nowName else {
            versions = nil
            scores = []
            return
        }
        var scores: [(Date, Double)] = []
        for vote in RankingVote.votes(in: candidates, withText: false) {
            let data = RankingData(votes: [vote], filter: .init())
            guard data.models.count == 2, let now = data.models.firstIndex(of: nowName), data.models.contains(model) else { continue }
            for comparison in data.comparisons {
                let score: Double
                switch comparison.outcome {
                case .winA: score = comparison.a == now ? 1 : 0
                case .winB: score = comparison.b == now ? 1 : 0
                case .tie, .bothBad: score = 0.5
                }
                scores.append((vote.record.createdAt, score))
            }
        }
        self.scores = scores.map(\.1)
        versions = scores.isEmpty ? nil : (model, nowName)
    }

    var sequence: BettingConfidenceSequence { BettingConfidenceSequence(values: scores, alpha: 0.05) }

    var decision: Decision {
        let sequence = sequence
        if sequence.lower > 0.5 { return .better }
        if sequence.upper < 0.5 { return .worse }
        if sequence.lower >= 0.5 - margin && sequence.upper <= 0.5 + margin { return .unchanged }
        return .undecided
    }

    func text(versions: (stored: String, now: String)) -> String {
        let sequence = sequence
        let rate = String(format: "%.1f%% (anytime 95%% interval %.1f–%.1f%%)", sequence.mean * 100, sequence.lower * 100, sequence.upper * 100)
        var lines = ["\(versions.now) against \(versions.stored)'s stored answers: won \(rate) of \(counted(scores.count, "judgement")) (ties half)",
                     "decision: \(decision.rawValue)"]
        if decision == .undecided {
            lines.append("judge more pairs to decide (unchanged needs the interval within \(String(format: "%.0f–%.0f%%", (0.5 - margin) * 100, (0.5 + margin) * 100)))")
        }
        return lines.joined(separator: "\n")
    }
}
