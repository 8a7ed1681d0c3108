import ArenaRanking
import Foundation

/// `arena leaderboard --raters`: per rater, how often their decisive votes agree with the ranking
/// the other raters' votes give (leave-one-rater-out), what a rater who shares the team's taste
/// would reach, and a flag when the votes look random or adversarial (docs/ranking.md, "Raters").
enum RaterTable {
    static func text(_ rows: [RaterAgreement], style: Style) -> String {
        var table = TextTable(header: ["rater", "votes", "decisive", "agree", "95% interval", "expected", "check"],
                              rows: [], numeric: [1, 2, 3, 5])
        for row in rows {
            let interval = row.agreementRate
            let scored = row.scored > 0
            table.rows.append([
                row.rater, "\(row.votes)", "\(row.decisive)",
                scored ? percent(interval.estimate) : "–",
                scored ? "\(percent(interval.lower)) – \(percent(interval.upper))" : "–",
                row.expectedAgreement.map(percent) ?? "–",
                label(row.consistency, style: style),
            ])
        }
        let flagged = rows.filter { $0.consistency == .random || $0.consistency == .adversarial }.map(\.rater)
        var text = "\n" + style.bold("Raters") + " (agreement with everyone else's pooled ranking)\n" + table.lines().joined(separator: "\n") + "\n"
        if !flagged.isEmpty {
            text += "Look at \(flagged.joined(separator: ", ")): votes unlike the rest of the team's. "
                + "A flag is a prompt to look, not proof (a rater may simply have different taste).\n"
        }
        return text
    }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    static func label(_ consistency: RaterConsistency, style: Style) -> String {
        switch consistency {
        case .consistent: return "consistent"
        case .random: return style.bold("looks random")
        case .adversarial: return style.bold("votes against the rest")
        case .tooFewVotes: return "too few votes"
        }
    }
}
