import ArenaCore
import ArenaRanking
import Foundation

/// `arena leaderboard --pairs`: the matrices, and for each neighbouring pair the fixed-sample
/// bootstrap share next to the anytime-valid decision, labelled so nobody confuses them.
extension LeaderboardPrinter {
    var pairAnalysis: PairAnalysis {
        PairAnalysis(counts: computation.counts, ratings: computation.ratings, bootstrap: computation.bootstrap,
                     gaps: computation.rankingGaps)
    }

    /// Win-rate and battle-count matrices, then the decision for each neighbouring pair.
    func pairs() -> String {
        let analysis = pairAnalysis
        let order = analysis.order
        let short = order.map { String(data.models[$0].prefix(14)) }
        var text = "\n" + style.bold("Win rate of row over column") + style.dim(" (ties left out)") + "\n"
        let rates = order.enumerated().map { index, row in
            [short[index]] + order.map { column in
                analysis.winRates[row][column].map { String(format: "%.0f%%", $0 * 100) } ?? (row == column ? "·" : "–")
            }
        }
        text += TextTable(header: [""] + short, rows: rates, numeric: Set(1...max(order.count, 1))).lines().joined(separator: "\n") + "\n"
        text += "\n" + style.bold("Battles between them") + "\n"
        let counts = order.enumerated().map { index, row in
            [short[index]] + order.map { column in row == column ? "·" : String(analysis.battleCounts[row][column]) }
        }
        text += TextTable(header: [""] + short, rows: counts, numeric: Set(1...max(order.count, 1))).lines().joined(separator: "\n") + "\n"
        text += "\n" + style.bold("Is the order settled?") + "\n"
        let neighbours = analysis.neighbours.map { pair -> [String] in
            ["\(data.models[pair.higher]) > \(data.models[pair.lower])", String(format: "%+.0f", pair.gap ?? 0),
             pair.probabilityOrderRight.map { String(format: "%.1f%%", $0 * 100) } ?? "–", decision(pair)]
        }
        text += TextTable(header: ["pair", "gap", "P(order right)", "decision (anytime-valid, 95%)"], rows: neighbours,
                          numeric: [1, 2]).lines().joined(separator: "\n") + "\n"
        for (a, b) in zip(order, order.dropFirst()) where !analysis.graph.sameComponent(a, b) {
            text += "\(data.models[a]) and \(data.models[b]): never compared, directly or through other models; "
                + "only a battle between their groups can order them\n"
        }
        text += style.dim("P(order right): share of bootstrap rounds that keep the order, for this look only — it drifts towards "
                          + "certainty if you check after every vote. The decision holds at 95% however often you look; "
                          + "more votes: for 80% power, with the likely range.")
        return text
    }

    func decision(_ pair: PairComparison) -> String {
        if pair.isSettled { return style.green("settled") }
        guard let needed = pair.votesNeeded else { return "too close to call: no number of votes settles a gap of 0" }
        let range = needed.high.map { "likely \(grouped(needed.low))–\(grouped($0))" }
            ?? "could be far more: the gap may be 0"
        return "~\(grouped(needed.estimate)) more votes (\(range))"
    }

    struct PairJSON: Codable, Equatable {
        var a: String
        var b: String
        var gap: Double?
        var p_order: Double?
        var settled: Bool
        var votes_needed: Int?
        var votes_needed_low: Int?
        var votes_needed_high: Int?
        var same_component: Bool

        /// Unknown values are written as `null`, not left out: "no number of votes settles it" is an answer.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(a, forKey: .a)
            try container.encode(b, forKey: .b)
            try container.encode(gap, forKey: .gap)
            try container.encode(p_order, forKey: .p_order)
            try container.encode(settled, forKey: .settled)
            try container.encode(votes_needed, forKey: .votes_needed)
            try container.encode(votes_needed_low, forKey: .votes_needed_low)
            try container.encode(votes_needed_high, forKey: .votes_needed_high)
            try container.encode(same_component, forKey: .same_component)
        }
    }

    struct PairsJSON: Codable, Equatable {
        var models: [ModelJSON]
        var pairs: [PairJSON]
    }

    /// `--pairs --format json`: `{"models": [...], "pairs": [...]}` with every pair.
    func pairsJSON() throws -> String {
        let pairs = pairAnalysis.pairs.map { pair in
            PairJSON(a: data.models[pair.higher], b: data.models[pair.lower], gap: pair.gap, p_order: pair.probabilityOrderRight,
                     settled: pair.isSettled, votes_needed: pair.votesNeeded?.estimate, votes_needed_low: pair.votesNeeded?.low,
                     votes_needed_high: pair.votesNeeded?.high, same_component: pair.sameComponent)
        }
        return try Self.encode(PairsJSON(models: modelRows, pairs: pairs))
    }
}
