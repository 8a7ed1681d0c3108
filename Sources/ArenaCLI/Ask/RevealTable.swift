import ArenaCore
import Foundation

/// The reveal after the vote: which model sat where, with its measurements.
enum RevealTable {
    static func render(battle: Battle, answers: [Answer], verdict: Verdict?, style: Style) -> String {
        var rows: [[String]] = [["seat", "model", "first token", "total", "tokens", "tok/s", "cost", "end"]]
        for answer in answers {
            let seat = battle.seats[answer.seatIndex]
            let metrics = answer.metrics
            let tokens = metrics.outputTokens.map { (metrics.tokensEstimated ? "~" : "") + String($0) } ?? "–"
            rows.append([
                SeatLabels.label(for: answer.seatIndex) + (verdict == .seat(answer.seatIndex) ? " ★" : ""),
                seat.model.name + (answer.served?.differs(fromRequested: seat.model.model).map { " (served \($0))" } ?? ""),
                Format.milliseconds(metrics.ttftMs),
                Format.milliseconds(metrics.durationMs),
                tokens,
                metrics.tokensPerSecond.map { String(format: "%.1f", $0) } ?? "–",
                Format.cost(metrics.costUSD),
                answer.error.map { "error: \($0.kind.rawValue)" } ?? answer.finishReason.rawValue,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column >= 2 && column <= 6 ? String(repeating: " ", count: widths[column] - cell.count) + cell
                    : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            let line = cells.joined(separator: "  ")
            lines.append(number == 0 ? style.dim(line) : line)
        }
        var footer = ""
        if answers.contains(where: \.metrics.tokensEstimated) { footer += style.dim("~ estimated token count (the server reported none)") + "\n" }
        return lines.joined(separator: "\n") + "\n" + footer
    }
}

enum Format {
    static func milliseconds(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value >= 1000 ? String(format: "%.2f s", value / 1000) : String(format: "%.0f ms", value)
    }

    static func cost(_ value: Double?) -> String {
        guard let value else { return "–" }
        if value == 0 { return "$0" }
        return value < 0.01 ? String(format: "$%.5f", value) : String(format: "$%.4f", value)
    }
}
