import ArenaCore
import ArenaRanking
import Foundation

/// Renders a leaderboard as a table with a whisker plot, as JSON or CSV, and the pair analysis.
struct LeaderboardPrinter {
    let data: RankingData
    let computation: LeaderboardComputation
    let style: Style

    /// The table; with a `width` (a terminal), fitted to it and the whisker plot filling what is
    /// left. To keep a plot of at least 20 columns the count columns go first (both bad, tied, …),
    /// then long model names are cut (not below 16); when even that leaves no room the table alone
    /// is fitted, cutting names further. Without a width (a pipe): every column and no plot.
    /// No line is ever wider than `width`.
    func table(width: Int?) -> String {
        let base = baseTable()
        guard let width else { return render(base, plotWidth: 0, wrapWidth: nil) }
        let plotRoom = 20 + 2
        var table = base
        if table.width + plotRoom > width {
            table.fit(width: width - plotRoom, droppable: countColumns, squeeze: 1, minimum: 16)
            if table.width + plotRoom > width {
                table = base
                table.fit(width: width, droppable: countColumns, squeeze: 1)
            }
        }
        return render(table, plotWidth: width - table.width - 2, wrapWidth: width)
    }

    /// comparisons, won, lost, tied, both bad: dropped (rightmost first) to make room.
    var countColumns: [Int] { componentCount > 1 ? [5, 6, 7, 8, 9] : [4, 5, 6, 7, 8] }

    /// Fewer counted comparisons than this and a model's interval says nothing yet: the row says
    /// "too few votes" instead (a bootstrap of one verdict has zero width).
    static func hasTooFewVotes(_ row: LeaderboardRow) -> Bool { row.hasTooFewVotes }

    private var componentCount: Int { (computation.rows.map(\.component).max() ?? 0) + 1 }

    private func baseTable() -> TextTable {
        let groups = componentCount > 1
        let cells: [[String]] = computation.rows.map { row in
            let record = row.record
            var name = data.models[row.model]
            if row.flags.contains(.undefeated) { name += " †" }
            if row.flags.contains(.winless) { name += " ‡" }
            let tooFew = Self.hasTooFewVotes(row)
            var cells = [tooFew ? "–" : String(row.rank), name, String(format: "%.0f", row.rating),
                         tooFew ? "too few votes" : String(format: "%.0f – %.0f", row.interval.lowerBound, row.interval.upperBound),
                         String(record.battles), String(record.wins), String(record.losses), String(record.ties), String(record.bothBad)]
            if groups { cells.insert(GroupLabel.of(row.component), at: 0) }
            return cells
        }
        var header = ["rank", "model", "rating", "95% interval", "comparisons", "won", "lost", "tied", "both bad"]
        var numeric: Set<Int> = [0, 2, 4, 5, 6, 7, 8]
        if groups {
            header.insert("group", at: 0)
            numeric = Set(numeric.map { $0 + 1 })
        }
        return TextTable(header: header, rows: cells, numeric: numeric)
    }

    private func render(_ table: TextTable, plotWidth: Int, wrapWidth: Int?) -> String {
        let options = computation.options
        var table = table
        let rows = computation.rows
        if plotWidth >= 12 {
            // Rows with too few votes have no interval to draw and do not stretch the axis.
            let drawn = rows.filter { !Self.hasTooFewVotes($0) }
            let plot = WhiskerPlot(rows: drawn, width: plotWidth)
            var lines = plot.lines.makeIterator()
            for index in table.rows.indices {
                table.rows[index].append(Self.hasTooFewVotes(rows[index]) ? "" : lines.next() ?? "")
            }
            let axis = String(format: "%.0f", plot.axis.lowerBound)
            let top = String(format: "%.0f", plot.axis.upperBound)
            table.header.append(axis + String(repeating: " ", count: max(plotWidth - axis.count - top.count, 1)) + top)
        }
        let lines = table.lines()
        var text = style.dim(lines[0]) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n"
        var notes: [String] = []
        let family = computation.usesRankings ? "Plackett–Luce over whole battles" : "Bradley–Terry"
        let methodName = options.method == .elo ? "online Elo (K=4, time order)"
            : computation.styleCoefficients.isEmpty ? (options.ties == .davidson ? "\(family) with Davidson ties" : "\(family), ties as half wins")
            : "style-controlled Bradley–Terry"
        notes.append("\(counted(data.verdicts, "verdict")), \(counted(data.comparisons.count, "pairwise comparison")); \(methodName); "
                     + "\(counted(options.rounds, "bootstrap round")), seed \(options.seed)")
        let excluded = data.excluded
        var left: [String] = []
        if excluded.leaked > 0 { left.append("\(excluded.leaked) leaked (--include-leaked)") }
        if excluded.notBlind > 0 { left.append("\(excluded.notBlind) not blind") }
        if excluded.skipped > 0 { left.append("\(excluded.skipped) skipped") }
        if excluded.failedSeats > 0 { left.append(counted(excluded.failedSeats, "failed answer")) }
        if excluded.overDailyCap > 0 { left.append("\(excluded.overDailyCap) over the daily cap per rater") }
        if !left.isEmpty { notes.append("left out: " + left.joined(separator: ", ")) }
        if let nu = computation.tieParameter { notes.append(String(format: "Davidson tie parameter ν = %.3f", nu)) }
        if rows.contains(where: { $0.flags.contains(.undefeated) || $0.flags.contains(.winless) }) {
            notes.append("† never lost / ‡ never won: rating kept finite by a tiny prior (one virtual tie against the field)")
        }
        if componentCount > 1 {
            notes.append("groups A, B, … never met, directly or through other models: ratings, ranks and intervals compare "
                         + "only within a group; judge battles between the groups to join them")
        }
        if rows.contains(where: Self.hasTooFewVotes) {
            notes.append("too few votes: fewer than \(Leaderboard.minimumComparisons) counted comparisons, so no interval or rank yet")
        }
        let counted = data.comparisons.count
        let tied = data.comparisons.filter { $0.outcome == .tie || $0.outcome == .bothBad }.count
        if options.ties != .davidson, computation.styleCoefficients.isEmpty, options.method != .elo, counted > 0, tied * 10 > counted {
            notes.append(String(format: "%.0f%% of comparisons are ties or both bad: as half wins they pull every rating towards the "
                                + "mean, so gaps (and intervals) are on a compressed scale; --ties davidson models ties and reads "
                                + "on the same scale as decisive votes", Double(tied) / Double(counted) * 100))
        }
        if !computation.styleCoefficients.isEmpty {
            let parts = computation.styleCoefficients.map { String(format: "%@ %+.1f", $0.feature.rawValue, $0.ratingPoints) }
            notes.append("style coefficients (rating points per standard deviation): " + parts.joined(separator: ", "))
        }
        let wrapped = notes.flatMap { note in wrapWidth.map { TextTable.wrap(note, width: $0) } ?? [note] }
        text += wrapped.map { style.dim($0) }.joined(separator: "\n")
        return text
    }

    /// One JSON row per model.
    struct ModelJSON: Codable, Equatable {
        var model: String
        var rating: Double
        var ci_low: Double?
        var ci_high: Double?
        var rank: Int?
        var component: Int
        var too_few_votes: Bool
        var battles: Int
        var wins: Int
        var losses: Int
        var ties: Int
        var both_bad: Int
        var undefeated: Bool
        var winless: Bool

        /// A missing interval or rank is written as `null`, not left out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(model, forKey: .model)
            try container.encode(rating, forKey: .rating)
            try container.encode(ci_low, forKey: .ci_low)
            try container.encode(ci_high, forKey: .ci_high)
            try container.encode(rank, forKey: .rank)
            try container.encode(component, forKey: .component)
            try container.encode(too_few_votes, forKey: .too_few_votes)
            try container.encode(battles, forKey: .battles)
            try container.encode(wins, forKey: .wins)
            try container.encode(losses, forKey: .losses)
            try container.encode(ties, forKey: .ties)
            try container.encode(both_bad, forKey: .both_bad)
            try container.encode(undefeated, forKey: .undefeated)
            try container.encode(winless, forKey: .winless)
        }
    }

    var modelRows: [ModelJSON] {
        computation.rows.map { row in
            let tooFew = Self.hasTooFewVotes(row)
            return ModelJSON(model: data.models[row.model], rating: row.rating,
                             ci_low: tooFew ? nil : row.interval.lowerBound, ci_high: tooFew ? nil : row.interval.upperBound,
                             rank: tooFew ? nil : row.rank, component: row.component, too_few_votes: tooFew,
                             battles: row.record.battles, wins: row.record.wins, losses: row.record.losses, ties: row.record.ties,
                             both_bad: row.record.bothBad, undefeated: row.flags.contains(.undefeated),
                             winless: row.flags.contains(.winless))
        }
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func json() throws -> String { try Self.encode(modelRows) }

    func csv() -> String {
        var text = "rank,model,rating,ci_low,ci_high,battles,wins,losses,ties,both_bad,component\n"
        for row in modelRows {
            let low: String = row.ci_low.map { String($0) } ?? ""
            let high: String = row.ci_high.map { String($0) } ?? ""
            let rank: String = row.rank.map { String($0) } ?? ""
            let counts: [String] = [row.battles, row.wins, row.losses, row.ties, row.both_bad, row.component].map { String($0) }
            let cells: [String] = [rank, CSV.quote(row.model), String(row.rating), low, high] + counts
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }
}
