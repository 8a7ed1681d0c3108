import ArenaCore
import ArenaRanking
import ArgumentParser
import Foundation

/// `arena leaderboard` — ratings with 95% intervals from your own verdicts.
struct LeaderboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Rank models from your verdicts: Bradley–Terry ratings with bootstrap 95% intervals.",
        discussion: """
            Only blind verdicts count; skips, battles whose answers named a vendor (identity leaks) and \
            failed seats are left out. Ties (and "both bad") count half a win each way. Rank = 1 + the \
            number of models whose whole interval lies above this one's, within the group of models that met \
            (directly or through others); a model with fewer than 10 comparisons shows "too few votes". \
            --pairs says whether each neighbouring order is settled by a rule that holds at 95% however often \
            you look. See docs/ranking.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "bt (Bradley–Terry) or elo (online Elo, K=4, in time order).") var method: LeaderboardComputation.Method = .bt
    @Option(help: "half (a tie is half a win each way) or davidson (Davidson's tie model).") var ties: LeaderboardComputation.Ties = .half
    @Option(help: "Bootstrap rounds for the intervals.") var bootstrap: Int = 1000
    @Option(help: "Seed of the bootstrap (same seed, same intervals).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Models with this tag only (from the config).", valueName: "tag")) var tag: String?
    @Option(help: ArgumentHelp("Verdicts cast on or after this date (YYYY-MM-DD or ISO 8601).", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Verdicts cast before this date (YYYY-MM-DD or ISO 8601): with --since, a window.", valueName: "date"))
    var until: String?
    @Flag(help: "After the table, each model's rating at the end of each of the last 8 weeks (all verdicts up to then).")
    var trend = false
    @Option(help: ArgumentHelp("Only the judged battles of this suite (`arena judge`).", valueName: "suite")) var suite: String?
    @Option(help: ArgumentHelp("With --suite: only its prompts marked `split: dev` or `split: test`.", valueName: "dev|test"))
    var split: PromptSplit?
    @Option(help: ArgumentHelp("Pin one model's rating (default: the mean is 1000).", valueName: "model=rating")) var anchor: String?
    @Flag(help: "Include battles flagged by the identity-leak guard.") var includeLeaked = false
    @Flag(help: "Control for answer length and markdown (headers, lists, bold), as LMArena does.") var styleControl = false
    @Flag(help: "Show the win-rate and battle-count matrices and whether each neighbouring pair is settled (with --format json: every pair).") var pairs = false
    @Flag(help: "Rank each model and the version its server reported (e.g. gpt-4o (gpt-4o-2024-08-06)) separately.")
    var byVersion = false
    @Option(help: ArgumentHelp("Only this rater's verdicts (repeatable).", valueName: "name")) var rater: [String] = []
    @Option(help: ArgumentHelp("Count at most N verdicts per rater per day (the earliest).", valueName: "N")) var capPerDay: Int?
    @Flag(help: "Show each rater's agreement with the others' pooled ranking, and flag raters whose votes look random or adversarial.")
    var raters = false
    @Option(help: "How to print the ratings.") var format: OutputFormat = .table

    func validate() throws {
        guard bootstrap >= 10 else { throw ValidationError("--bootstrap needs at least 10 rounds") }
        if styleControl && (ties == .davidson || method == .elo) {
            throw ValidationError("--style-control fits Bradley–Terry with half-win ties; drop --ties davidson / --method elo")
        }
        if let anchor, Self.parseAnchor(anchor) == nil { throw ValidationError("--anchor must look like MODEL=RATING, e.g. smol=1000") }
        if let since, DateParsing.date(since) == nil { throw ValidationError("--since must be a date like 2026-11-01") }
        if let until, DateParsing.date(until) == nil { throw ValidationError("--until must be a date like 2026-12-01") }
        if let since, let until, let start = DateParsing.date(since), let end = DateParsing.date(until), end <= start {
            throw ValidationError("--until must be after --since")
        }
        if split != nil && suite == nil { throw ValidationError("--split needs --suite") }
        if trend && format != .table { throw ValidationError("--trend draws on the table; drop it with --format \(format.rawValue)") }
        if let capPerDay, capPerDay < 1 { throw ValidationError("--cap-per-day must be at least 1") }
    }

    static func parseAnchor(_ text: String) -> (model: String, rating: Double)? {
        guard let equals = text.lastIndex(of: "="), let rating = Double(text[text.index(after: equals)...]) else { return nil }
        let model = String(text[..<equals])
        return model.isEmpty ? nil : (model, rating)
    }

    func run() async throws {
        let data = try loadData()
        guard data.models.count >= 2, !data.comparisons.isEmpty else {
            throw CLIFailure("not enough verdicts to rank yet (\(data.verdicts) counted); vote in `arena` or `arena ask` first")
        }
        let computation: LeaderboardComputation
        do {
            computation = try LeaderboardComputation(data: data, options: .init(
                method: method, ties: ties,
                rounds: bootstrap, seed: seed, anchor: anchor.flatMap(Self.parseAnchor), styleControl: styleControl))
        } catch let failure as CLIFailure { throw failure } catch {
            throw CLIFailure("cannot fit the ratings: \(error)")
        }
        let printer = LeaderboardPrinter(data: data, computation: computation, style: Style(enabled: TerminalInfo.useColor))
        switch format {
        case .json: print(pairs ? try printer.pairsJSON() : try printer.json())
        case .csv: print(printer.csv(), terminator: "")
        case .table:
            print(printer.table(width: TerminalInfo.stdoutIsTerminal ? TerminalInfo.width : nil))
            if pairs { print(printer.pairs()) }
            if trend { print(LeaderboardTrend(data: data, anchor: anchor.flatMap(Self.parseAnchor)).text()) }
        }
        if raters {
            do {
                let agreement = try RaterAgreement.analyze(data.raterVotes, modelCount: data.models.count)
                print(RaterTable.text(agreement, style: Style(enabled: TerminalInfo.useColor)), terminator: "")
            } catch {
                throw CLIFailure("cannot compare raters: \(error)")
            }
        }
    }

    /// Whether the store's tallies answer this command: nothing that reads dates, time order or
    /// answer text.
    var tallyReadable: Bool {
        method == .bt && !styleControl && since == nil && until == nil && capPerDay == nil && !raters && !byVersion && !trend
            && suite == nil
    }

    func loadData() throws -> RankingData {
        let store = try global.openExistingStore()
        var filter = RankingData.Filter(includeLeaked: includeLeaked, since: since.flatMap(DateParsing.date),
                                        until: until.flatMap(DateParsing.date),
                                        raters: rater.isEmpty ? nil : Set(rater), capPerDay: capPerDay)
        if let tag {
            let config = try ConfigFile.load(path: global.locations.configPath)
            let tagged = Set(config.models.filter { $0.tags.contains(tag) }.map(\.name))
            guard !tagged.isEmpty else { throw CLIFailure.badInput("--tag \(tag): no configured model has this tag") }
            // With --by-version a tag still selects its models' versions ("name (version)").
            filter.model = { name in tagged.contains(name) || tagged.contains { name.hasPrefix($0 + " (") } }
        }
        do {
            if tallyReadable {
                if let tallies = try store.rankingTallies() { return RankingData(tallies: tallies, filter: filter) }
                FileHandle.standardError.write(Data("""
                    arena: note: the store's ranking tallies do not count its verdicts (an older arena wrote to it?), \
                    so every verdict is read instead; `arena store verify --repair` recounts them\n
                    """.utf8))
            }
            var votes: [RankingVote]
            if let suite {
                let selection = try SuiteSplitSelection(SuiteLoading.load(suite, locations: global.locations), split: split)
                votes = RankingVote.votes(in: selection.battles(try store.battles(suite: selection.suite.name)), withText: styleControl)
            } else {
                votes = try store.rankingVotes(withText: styleControl)
            }
            if byVersion {
                for index in votes.indices {
                    for seat in votes[index].contenders.indices {
                        let contender = votes[index].contenders[seat]
                        votes[index].contenders[seat].model = ServedVersions.label(model: contender.model, served: contender.servedModel)
                    }
                }
            }
            return RankingData(votes: votes, filter: filter)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}

enum DateParsing {
    static func date(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
