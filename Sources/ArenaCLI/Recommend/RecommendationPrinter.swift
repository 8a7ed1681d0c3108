import ArenaCore
import Foundation

/// The recommendation as a table, a verdict line and what to judge next.
struct RecommendationPrinter {
    let recommendation: Recommendation
    let suite: String
    let style: Style
    /// A traffic suite grows by capture: its advice says so.
    var traffic = false

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
            case .adequate: status = style.green("adequate")
            case .reference: status = style.dim("reference")
            case .notAdequate: status = style.red("not adequate")
            case .undecided: status = style.yellow("undecided")
            }
            cells.append(status)
            return cells
        }
        let lines = TextTable(header: header, rows: rows, numeric: [1, 2, 3]).lines()
        var text = style.dim(lines[0]) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n\n"
        text += style.dim(TextTable.wrap(legend, width: 100).joined(separator: "\n")) + "\n"
        for line in evidence() { text += "  " + line + "\n" }
        text += "\n"
        if let cheapest = recommendation.cheapest {
            let cost = cheapest.costPerThousand.map { String(format: " at $%.4g per 1,000 prompts", $0) } ?? " (no price in the config)"
            text += style.bold("Cheapest adequate model for \(suite): \(cheapest.model)") + cost + "\n"
        } else if let reference = recommendation.bars.compactMap(\.reference).first {
            text += style.bold("No model is shown to be adequate for \(suite) yet: keep \(reference)") + "\n"
        } else {
            text += style.bold("No model is adequate for \(suite) yet") + "\n"
        }
        let open = recommendation.undecidedWorthJudging
        if !open.isEmpty {
            text += (recommendation.cheapest == nil ? "To decide:\n" : "Cheaper but undecided:\n")
            for row in open { text += "  \(row.model): \(advice(for: row))\n" }
        }
        let unpriced = recommendation.undecidedWithoutPrice
        if !unpriced.isEmpty {
            text += "Undecided, with no price to compare: " + unpriced.map(\.model).joined(separator: ", ") + "\n"
        }
        return text
    }

    /// What the two kinds of numbers mean.
    var legend: String {
        let level = String(format: "%.4g%%", 100 - recommendation.alpha * 100)
        let joint = recommendation.judgedModels > 1 ? " (95% jointly over \(recommendation.judgedModels) models)" : ""
        return "Rates are by prompt: the table shows each fixed-sample 95% interval. A decision needs the "
            + "anytime-valid \(level) bound\(joint) to clear the bar; it stays true however often you re-run recommend."
    }

    /// One line per model and bar with the anytime bound behind its decision.
    func evidence() -> [String] {
        var lines: [String] = []
        let width = recommendation.rows.map { TextTable.width($0.model) }.max() ?? 0
        for row in recommendation.rows {
            for (bar, result) in zip(recommendation.bars, row.bars) {
                guard let rate = result.rate else { continue }
                let bound = String(format: "anytime %.0f–%.0f%%", rate.sequence.lower * 100, rate.sequence.upper * 100)
                let claim: String
                switch result.status {
                case .adequate: claim = "clears it"
                case .notAdequate: claim = "falls short"
                case .undecided: claim = "undecided"
                case .reference: continue
                }
                var line = row.model + String(repeating: " ", count: width - TextTable.width(row.model)) + "  \(bar.description): \(bound), \(claim)"
                if let adverse = result.holdsUnless {
                    line += " — holds unless \(counted(adverse, "more prompt")) \(adverse == 1 ? "goes" : "go") the other way"
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// What would decide an undecided model: judging, running or more prompts in the suite.
    func advice(for row: Recommendation.Row) -> String {
        let open = row.bars.filter { $0.status == .undecided }
        guard !open.isEmpty else { return "undecided" }
        if open.contains(where: { $0.rate == nil }) {
            return row.answeredPrompts > 0 ? "no judgements yet — arena judge \(suite)"
                : "no answers yet — arena run \(suite) --models \(row.model)"
        }
        let needed = open.map { $0.needed }
        guard !needed.contains(where: { $0 == nil }) else {
            return "its prompts sit right on the bar; more judgements are unlikely to decide it"
        }
        let judged = open.map { $0.rate?.clusterMeans.count ?? 0 }.max() ?? 0
        let more = needed.compactMap { $0 }.max() ?? 0
        let prompts = recommendation.suitePrompts
        if judged + more > prompts {
            return "about \(judged + more) judged prompts are needed and the suite has \(prompts): "
                + MoreEvidence.morePrompts(judged + more - prompts, suiteName: suite, traffic: traffic)
        }
        if row.waitingPrompts > 0 {
            return "about \(counted(more, "more prompt")) to judge (\(row.waitingPrompts) waiting) — arena judge \(suite)"
        }
        if row.answeredPrompts < prompts {
            return "about \(counted(more, "more prompt")) to answer and judge — arena run \(suite) --models \(row.model), then arena judge \(suite)"
        }
        return "every pair is judged; about \(counted(more, "more prompt")) needed — new prompts decide it fastest; "
            + "new answers to these (arena run \(suite) --repeat 2, then arena judge \(suite)) add less"
    }


    static func describe(_ result: BarResult) -> String {
        if result.status == .reference { return "reference" }
        guard let rate = result.rate else { return "no judgements" }
        return String(format: "%.0f%% (%.0f–%.0f%%, %d prompts)", rate.estimate * 100, rate.interval.lowerBound * 100,
                      rate.interval.upperBound * 100, rate.clusterMeans.count)
    }
}
