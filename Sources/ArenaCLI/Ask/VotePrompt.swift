import ArenaCore
import Foundation

/// Asks for a verdict on the terminal until it gets a valid one (or end of input).
enum VotePrompt {
    static func ask(answers: [Answer], console: ConsoleWriter, style: Style) -> Verdict? {
        let winnable = answers.filter(\.canWin).map { SeatLabels.label(for: $0.seatIndex) }
        let choices = (winnable.isEmpty ? [] : [winnable.joined(separator: "/") + " = better"])
            + ["t = tie", "x = both bad", "s = skip"]
        while true {
            console.err(style.bold("Your verdict") + " (" + choices.joined(separator: ", ") + "): ")
            guard let line = readLine() else {
                console.err("\n")
                return nil
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let verdict = Verdict(parsing: line, seatCount: answers.count) else {
                console.err("  not a verdict: \"\(line)\"\n")
                continue
            }
            if case .seat(let index) = verdict, let reason = answers.first(where: { $0.seatIndex == index })?.cannotWinReason {
                console.err("  \(SeatLabels.label(for: index)) \(reason), so it cannot win\n")
                continue
            }
            return verdict
        }
    }
}
