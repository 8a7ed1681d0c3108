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
    func table(width: Int?, method: String, ties: String, rounds: Int, seed: UInt64) -> String {
        let base = baseTable()
        guard let width else { return render(base, plotWidth: 0, wrapWidth: nil, method: method, ties: ties, rounds: rounds, seed: seed) }
        let plotRoom = 20 + 2
        var table = base
        if table.width + plotRoom > width {
            table.fit(width: width - plotRoom, droppable: Self.countColumns, squeeze: 1, minimum: 16)
            if table.width + plotRoom > width {
                table = base
                table.fit(width: width, droppable: Self.countColumns, squeeze: 1)
            }
        }
        return render(table, plotWidth: width - table.width - 2, wrapWidth: width, method: method, ties: ties, rounds: rounds, seed: seed)
    }

    /// battles, won, lost, tied, both bad: dropped (rightmost first) to make room.
    static let countColumns = [4, 5, 6, 7, 8]

    /// Every column, and the whisker plot exactly `plotWidth` wide (none below 12). The caller
    /// answers for the total width; prefer `table(width:)`, which fits it.
    func table(plotWidth: Int, method: String, ties: String, rounds: Int, seed: UInt64) -> String {
        render(baseTable(), plotWidth: plotWidth, wrapWidth: nil, method: method, ties: ties, rounds: rounds, seed: seed)
    }

    private func baseTable() -> TextTable {
        let cells: [[String]] = computation.rows.map { row in
            let record = row.record
            var name = data.models[row.model]
            if row.flags.contains(.undefeated) { name += " †" }
            if row.flags.contains(.winless) { name += " ‡" }
            return [String(row.rank), name, String(format: "%.0f", row.rating),
                    String(format: "%.0f – %.0f", row.interval.lowerBound, row.interval.upperBound),
                    String(record.battles), String(record.wins), String(record.losses), String(record.ties), String(record.bothBad)]
        }
        return TextTable(header: ["rank", "model", "rating", "95% interval", "battles", "won", "lost", "tied", "both bad"],
                         rows: cells, numeric: [0, 2, 4, 5, 6, 7, 8])
    }

    private func render(_ table: TextTable, plotWidth: Int, wrapWidth: Int?, method: String, ties: String, rounds: Int,
                        seed: UInt64) -> String {
        var table = table
        let rows = computation.rows
        if plotWidth >= 12 {
            let plot = WhiskerPlot(rows: rows, width: plotWidth)
            for index in table.rows.indices { table.rows[index].append(plot.lines[index]) }
            let axis = String(format: "%.0f", plot.axis.lowerBound)
            let top = String(format: "%.0f", plot.axis.upperBound)
            table.header.append(axis + String(repeating: " ", count: max(plotWidth - axis.count - top.count, 1)) + top)
        }
        let lines = table.lines()
        var text = style.dim(lines[0]) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n"
        var notes: [String] = []
        let methodName = method == "elo" ? "online Elo (K=4, time order)"
            : computation.styleCoefficients.isEmpty ? (ties == "davidson" ? "Bradley–Terry with Davidson ties" : "Bradley–Terry, ties as half wins")
            : "style-controlled Bradley–Terry"
        notes.append("\(counted(data.verdicts, "verdict")), \(counted(data.comparisons.count, "pairwise comparison")); \(methodName); "
                     + "\(counted(rounds, "bootstrap round")), seed \(seed)")
        let excluded = data.excluded
        var left: [String] = []
        if excluded.leaked > 0 { left.append("\(excluded.leaked) leaked (--include-leaked)") }
        if excluded.notBlind > 0 { left.append("\(excluded.notBlind) not blind") }
        if excluded.skipped > 0 { left.append("\(excluded.skipped) skipped") }
        if excluded.failedSeats > 0 { left.append(counted(excluded.failedSeats, "failed answer")) }
        if !left.isEmpty { notes.append("left out: " + left.joined(separator: ", ")) }
        if let nu = computation.tieParameter { notes.append(String(format: "Davidson tie parameter ν = %.3f", nu)) }
        if rows.contains(where: { $0.flags.contains(.undefeated) || $0.flags.contains(.winless) }) {
            notes.append("† never lost / ‡ never won: rating kept finite by a tiny prior (one virtual tie against the field)")
        }
        if !computation.styleCoefficients.isEmpty {
            let parts = computation.styleCoefficients.map { String(format: "%@ %+.1f", $0.feature.rawValue, $0.ratingPoints) }
            notes.append("style coefficients (rating points per standard deviation): " + parts.joined(separator: ", "))
        }
        let wrapped = notes.flatMap { note in wrapWidth.map { TextTable.wrap(note, width: $0) } ?? [note] }
        text += wrapped.map { style.dim($0) }.joined(separator: "\n")
        return text
    }

    func json() throws -> String {
        let objects: [[String: Any]] = computation.rows.map { row in
            ["model": data.models[row.model], "rating": row.rating, "ci_low": row.interval.lowerBound,
             "ci_high": row.interval.upperBound, "rank": row.rank, "battles": row.record.battles, "wins": row.record.wins,
             "losses": row.record.losses, "ties": row.record.ties, "both_bad": row.record.bothBad,
             "undefeated": row.flags.contains(.undefeated), "winless": row.flags.contains(.winless)]
        }
        let encoded = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: encoded, as: UTF8.self)
    }

    func csv() -> String {
        var text = "rank,model,rating,ci_low,ci_high,battles,wins,losses,ties,both_bad\n"
        for row in computation.rows {
            let name = ExportCSV.quote(data.models[row.model])
            text += "\(row.rank),\(name),\(row.rating),\(row.interval.lowerBound),\(row.interval.upperBound),"
                + "\(row.record.battles),\(row.record.wins),\(row.record.losses),\(row.record.ties),\(row.record.bothBad)\n"
        }
        return text
    }

    /// Win-rate and battle-count matrices, then the stopping rule for each neighbouring pair.
    func pairs() -> String {
        let analysis = PairAnalysis(counts: computation.counts, ratings: computation.ratings, bootstrap: computation.bootstrap)
        let order = analysis.order
        let short = order.map { String(data.models[$0].prefix(14)) }
        var text = "\n" + style.bold("Win rate of row over column") + style.dim(" (ties left out)") + "\n"
        let rates = order.map { row in
            [short[order.firstIndex(of: row)!]] + order.map { column in
                analysis.winRates[row][column].map { String(format: "%.0f%%", $0 * 100) } ?? (row == column ? "·" : "–")
            }
        }
        text += TextTable(header: [""] + short, rows: rates, numeric: Set(1...order.count)).lines().joined(separator: "\n") + "\n"
        text += "\n" + style.bold("Battles between them") + "\n"
        let counts = order.map { row in
            [short[order.firstIndex(of: row)!]] + order.map { column in row == column ? "·" : String(analysis.battleCounts[row][column]) }
        }
        text += TextTable(header: [""] + short, rows: counts, numeric: Set(1...order.count)).lines().joined(separator: "\n") + "\n"
        text += "\n" + style.bold("Is the order settled?") + style.dim(" (settled when P(order right) ≥ 95%)") + "\n"
        let neighbours = analysis.neighbours.map { pair -> [String] in
            let verdict = pair.isSettled ? style.green("settled")
                : pair.votesNeeded.map { "about \(counted($0, "more vote"))" } ?? "too close to call"
            return ["\(data.models[pair.higher]) > \(data.models[pair.lower])", String(format: "%+.0f", pair.gap),
                    String(format: "%.1f%%", pair.probabilityOrderRight * 100), verdict]
        }
        text += TextTable(header: ["pair", "gap", "P(order right)", ""], rows: neighbours, numeric: [1, 2]).lines().joined(separator: "\n")
        return text
    }
}

enum ExportCSV {
    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
