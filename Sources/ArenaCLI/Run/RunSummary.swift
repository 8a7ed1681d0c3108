import ArenaCore
import ArenaStore
import Foundation

/// Per-model totals after a run: answers, failures, median timings, tokens and cost.
enum RunSummary {
    static func render(answers: [RunAnswer], models: [ModelConfig], style: Style) -> String {
        var rows: [[String]] = []
        for model in models {
            let mine = answers.filter { $0.key.model == model.name }
            let good = mine.filter { !$0.isFailure }
            let ttft = median(good.compactMap(\.answer.metrics.ttftMs))
            let total = median(good.compactMap(\.answer.metrics.durationMs))
            let tokens = good.compactMap(\.answer.metrics.outputTokens).reduce(0, +)
            let cost = good.compactMap(\.answer.metrics.costUSD)
            rows.append([model.name, String(good.count), String(mine.count - good.count), Format.milliseconds(ttft),
                         Format.milliseconds(total), String(tokens) + (good.contains { $0.answer.metrics.tokensEstimated } ? "~" : ""),
                         cost.isEmpty ? "–" : Format.cost(cost.reduce(0, +))])
        }
        let lines = TextTable(header: ["model", "answers", "failed", "median first token", "median total", "output tokens", "cost"],
                              rows: rows, numeric: [1, 2, 3, 4, 5, 6]).lines()
        return style.dim(lines[0]) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n"
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
