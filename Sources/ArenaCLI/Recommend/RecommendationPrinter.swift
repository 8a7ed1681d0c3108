import ArenaCore
import Foundation

/// The recommendation as a table, a verdict line and what to judge next.
struct RecommendationPrinter {
    let recommendation: Recommendation
    let suite: String
    let style: Style

    func text() -> String {
        var header = ["model", "cost / 1k prompts", "median first token", "median total", "rating (95% interval)"]
        header += recommendation.bars.map(\.description)
        header.append("")
        let rows = recommendation.rows.map { row -> [String] in
            var cells = [row.model, row.costPerThousand.map { String(format: "$%.4g", $0) } ?? "– (no price)",
                         Format.milliseconds(row.medianFirstTokenMs), Format.milliseconds(row.medianTotalMs),
                         row.rating.map { String(format: "%.0f (%.0f–%.0f)", $0.rating, $0.interval.lowerBound, $0.interval.upperBound) } ?? "–"]
            cells += row.bars.map(Self.describe)
            let status: String
            switch row.status {
            case .adequate, .reference: status = style.green("adequate")
            case .notAdequate: status = style.red("not adequate")
            case .undecided: status = style.yellow("undecided")
            }
            cells.append(status)
            return cells
        }
        let lines = TextTable(header: header, rows: rows, numeric: [1, 2, 3]).lines()
        var text = style.dim(lines[0]) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n\n"
        if let cheapest = recommendation.cheapest {
            let cost = cheapest.costPerThousand.map { String(format: " at $%.4g per 1,000 prompts", $0) } ?? " (no price in the config)"
            text += style.bold("Cheapest adequate model for \(suite): \(cheapest.model)") + cost + "\n"
        } else {
            text += style.bold("No model is adequate for \(suite) yet") + "\n"
        }
        let open = recommendation.undecidedWorthJudging
        if !open.isEmpty {
            let parts = open.map { item in item.needed.map { "\(item.model) (about \(counted($0, "more prompt")) judged)" } ?? "\(item.model) (needs judgements)" }
            text += (recommendation.cheapest == nil ? "To decide, judge more answers of: " : "Cheaper but undecided: ")
                + parts.joined(separator: ", ") + " — arena judge \(suite)\n"
        }
        return text
    }

    static func describe(_ result: BarResult) -> String {
        if result.status == .reference { return "reference" }
        guard let rate = result.rate else { return "no judgements" }
        return String(format: "%.0f%% (%.0f–%.0f%%, %d prompts)", rate.estimate * 100, rate.interval.lowerBound * 100,
                      rate.interval.upperBound * 100, rate.clusterMeans.count)
    }
}
