import ArenaCore
import ArenaRanking
import ArgumentParser
import Foundation

/// `arena stats` — how trustworthy your verdicts are: position bias, ties, leaks, votes per day.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Position bias, tie and both-bad rates, identity leaks and votes per day.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Days of votes-per-day history to show.") var days: Int = 14

    func run() async throws {
        let store = try global.openExistingStore()
        let votes: [RankingVote]
        let battleCount: Int
        let leaked: [[String]]
        do {
            votes = try store.rankingVotes()
            battleCount = try store.battleCount()
            leaked = try store.leakedBattleWords()
        } catch { throw CLIFailure(error.description) }
        let data = RankingData(votes: votes, filter: .init(includeLeaked: true))
        let style = Style(enabled: TerminalInfo.useColor)
        let counts: ComparisonCounts
        do { counts = try data.counts() } catch { throw CLIFailure("cannot count verdicts: \(error)") }
        let bias = PositionBias(counts)
        func percent(_ interval: WilsonInterval) -> String {
            String(format: "%.1f%% (95%% interval %.1f–%.1f%%)", interval.estimate * 100, interval.lower * 100, interval.upper * 100)
        }
        let verdicts = votes.map(\.record)
        var lines: [String] = []
        lines.append(style.bold("Verdicts") + ": \(verdicts.count) in \(counted(battleCount, "battle"))"
                     + " (\(verdicts.filter { $0.verdict == .skip }.count) skipped, \(verdicts.filter { !$0.blind }.count) cast after the reveal)")
        if bias.battles > 0 {
            lines.append(style.bold("Position bias") + ": the left/first seat won " + percent(bias.firstSeatShare())
                         + " of \(counted(bias.firstSeatWins + bias.secondSeatWins, "decided comparison")) (50% is unbiased)")
            lines.append(style.bold("Ties") + ": " + percent(bias.tieRate()) + "   " + style.bold("Both bad") + ": " + percent(bias.bothBadRate()))
        } else {
            lines.append(style.dim("No comparisons yet: vote in `arena` or `arena ask`."))
        }
        let graph = ComparisonGraph(counts)
        if graph.componentCount > 1 {
            let groups = (0..<graph.componentCount).map { component in
                GroupLabel.of(component) + ": " + graph.members(of: component).map { data.models[$0] }.joined(separator: ", ")
            }
            lines.append(style.bold("Groups") + ": \(graph.componentCount), never compared with each other, directly or through other models ("
                         + groups.joined(separator: "; ") + "); ratings compare only within a group")
        }
        lines.append(style.bold("Identity leaks") + ": \(counted(leaked.count, "battle")) flagged"
                     + (leaked.isEmpty ? "" : " — words: " + Set(leaked.joined()).sorted().joined(separator: ", ")))
        let histories = ServedVersions.histories(votes)
        if !histories.isEmpty {
            let changed = histories.filter(\.changed)
            lines.append(style.bold("Served versions") + ": " + (changed.isEmpty
                ? "each model's servers reported one version"
                : "\(counted(changed.count, "model")) changed under the same name (rank them apart: arena leaderboard --by-version)"))
            let day = DateFormatter()
            day.dateFormat = "yyyy-MM-dd"
            for history in histories {
                for version in history.versions where history.changed || histories.count <= 8 {
                    lines.append("  \(history.model): \(version.served)  \(counted(version.answers, "answer")), "
                                 + "\(day.string(from: version.firstSeen)) – \(day.string(from: version.lastSeen))")
                }
            }
        }
        lines.append(style.bold("Votes per day") + " (last \(counted(days, "day"))):")
        let calendar = Calendar(identifier: .gregorian)
        let today = calendar.startOfDay(for: Date())
        var perDay: [Date: Int] = [:]
        for verdict in verdicts where verdict.verdict != .skip { perDay[calendar.startOfDay(for: verdict.createdAt), default: 0] += 1 }
        let most = max(perDay.values.max() ?? 1, 1)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        for offset in stride(from: days - 1, through: 0, by: -1) {
            guard let day = calendar.date(byAdding: .day, value: -offset, to: today) else { continue }
            let count = perDay[day] ?? 0
            let bar = String(repeating: "█", count: Int((Double(count) / Double(most) * 40).rounded(.up)))
            lines.append("  \(formatter.string(from: day))  \(String(format: "%4d", count))  \(bar)")
        }
        print(lines.joined(separator: "\n"))
    }
}
