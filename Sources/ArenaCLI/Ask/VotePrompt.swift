import ArenaCore
import Foundation

/// Asks for a verdict on the terminal until it gets a valid one (or end of input).
enum VotePrompt {
    static func ask(answers: [Answer], console: ConsoleWriter, style: Style) -> Verdict? {
        let winnable = answers.filter(\.canWin).map { SeatLabels.label(for: $0.seatIndex) }
        let choices = (winnable.isEmpty ? [] : [winnable.joined(separator: "/") + " = better"])
            + (answers.count > 2 ? ["C>A=B = ranking"] : []) + ["t = tie", "x = both bad", "s = skip"]
        while true {
            console.err(style.bold("Your verdict") + " (" + choices.joined(separator: ", ") + "): ")
            guard let line = readLine() else {
                console.err("\n")
                return nil
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let verdict: Verdict
            do { verdict = try Verdict.parse(line, seatCount: answers.count) } catch {
                console.err("  not a verdict: \"\(line)\" (\(error))\n")
                continue
            }
            if let refusal = verdict.refusal(answers: answers) {
                console.err("  \(refusal)\n")
                continue
            }
            return verdict
        }
    }
}
