import ArenaCore
import ArenaRanking
import ArenaStore
import Foundation

/// Which prompts of a suite still tell models apart: `arena suites health`.
///
/// Per prompt, from its judged battles (the pairs `arena judge` showed) and adequacy marks:
/// - **judgements**: counted pairwise comparisons (blind, not skipped, no failed seat);
/// - **decisive share**: the share that named a winner (not a tie, not both bad);
/// - **adequate share**: the share of marked models whose answers to it were marked adequate
///   (by majority of their marks), nil without marks;
/// - **discrimination**: how well its verdicts follow the models' order on the *other* prompts
///   of the suite (a Bradley–Terry fit without this prompt): +1 for a verdict for the model rated
///   higher there, −1 against it, 0 for a tie or both bad; the mean, with an anytime-valid 95%
///   interval (a betting confidence sequence over the scores in judgement order), so
///   "discriminating" keeps its error rate however often you look while judging: a prompt whose
///   verdicts are coin flips is called discriminating at most 2.5% of the time. Near +1 a prompt
///   separates models as the suite does; near 0 it says nothing (ties, or coin flips); below 0 it
///   disagrees. (The other prompts' order moves as they are judged; the guarantee is for the order
///   at each look.)
///
/// Statuses, first that applies: **broken** (two or more models marked and none adequate, or
/// both-bad in at least half the judgements), **too few judgements** (under `minimum`),
/// **saturated** (ties in at least half the judgements and no marked model inadequate),
/// **discriminating** (the interval's lower end above 0), **noisy** (enough judgements that
/// neither tie nor follow the others).
struct SuiteHealth {
    enum Status: String, Sendable {
        case saturated, broken, discriminating, noisy
        case tooFew = "too few judgements"

        var suggestion: String {
            switch self {
            case .saturated: "retire it or make it harder: every model does it"
            case .broken: "fix it: no model does it (or the prompt is unclear)"
            case .discriminating: "keep it"
            case .noisy: "rewrite it or judge more: its verdicts do not follow the models' order elsewhere"
            case .tooFew: "judge more"
            }
        }
    }

    struct Prompt: Sendable {
        var id: String
        var status: Status
        var judgements: Int
        var decisiveShare: Double?
        var tieShare: Double?
        var bothBadShare: Double?
        var adequateShare: Double?
        var discrimination: Double?
        var discriminationInterval: ClosedRange<Double>?
    }

    var suite: String
    var prompts: [Prompt]

    /// `promptIDs`: the suite's prompts in file order (prompts judged but no longer in the file
    /// are listed after them).
    init(suite: String, promptIDs: [String], battles: [StoredBattle], marks: [AdequacyMark], minimum: Int = 6) {
        self.suite = suite
        let ownBattles = battles.filter { $0.battle.origin?.suite == suite }
        let byPrompt = Dictionary(grouping: ownBattles) { $0.battle.origin?.promptID ?? "" }
        let judged = byPrompt.keys.filter { !promptIDs.contains($0) }.sorted()
        prompts = (promptIDs + judged).map { id in
            let here = byPrompt[id] ?? []
            let elsewhere = ownBattles.filter { $0.battle.origin?.promptID != id }
            return Self.prompt(id: id, battles: here, others: elsewhere,
                               marks: marks.filter { $0.key.suite == suite && $0.key.promptID == id }, minimum: minimum)
        }
    }

    static func prompt(id: String, battles: [StoredBattle], others: [StoredBattle], marks: [AdequacyMark], minimum: Int) -> Prompt {
        let data = RankingData(battles: battles, filter: .init())
        let comparisons = data.comparisons
        let n = comparisons.count
        func share(_ keep: (PairOutcome) -> Bool) -> Double? {
            n == 0 ? nil : Double(comparisons.filter { keep($0.outcome) }.count) / Double(n)
        }
        let decisive = share { $0 == .winA || $0 == .winB }
        let ties = share { $0 == .tie }
        let bothBad = share { $0 == .bothBad }

        // Adequacy by model: the majority of its marks on this prompt (a tie of marks counts as adequate).
        let byModel = Dictionary(grouping: marks, by: \.key.model)
        let adequateModels = byModel.values.filter { marks in 2 * marks.filter(\.adequate).count >= marks.count }.count
        let adequate = byModel.isEmpty ? nil : Double(adequateModels) / Double(byModel.count)

        // Discrimination against the order the other prompts give.
        let order = Self.ratings(others)
        var scores: [Double] = []
        for comparison in comparisons {
            let a = data.models[comparison.a], b = data.models[comparison.b]
            guard let ra = order[a], let rb = order[b], ra != rb else { continue }
            switch comparison.outcome {
            case .winA: scores.append(ra > rb ? 1 : -1)
            case .winB: scores.append(rb > ra ? 1 : -1)
            case .tie, .bothBad: scores.append(0)
            }
        }
        let estimate = Self.discrimination(scores)
        let discrimination = estimate?.mean
        let interval = estimate?.interval

        let status: Status
        if (byModel.count >= 2 && adequateModels == 0) || (bothBad ?? 0) >= 0.5 {
            status = .broken
        } else if n < minimum {
            status = .tooFew
        } else if (ties ?? 0) >= 0.5 && (adequate ?? 1) == 1 {
            status = .saturated
        } else if let interval, interval.lowerBound > 0 {
            status = .discriminating
        } else {
            status = .noisy
        }
        return Prompt(id: id, status: status, judgements: n, decisiveShare: decisive, tieShare: ties, bothBadShare: bothBad,
                      adequateShare: adequate, discrimination: discrimination, discriminationInterval: interval)
    }

    /// The mean of scores in {−1, 0, +1} with its anytime-valid 95% interval (nil without scores).
    static func discrimination(_ scores: [Double]) -> (mean: Double, interval: ClosedRange<Double>)? {
        guard !scores.isEmpty else { return nil }
        let sequence = BettingConfidenceSequence(values: scores.map { ($0 + 1) / 2 }, alpha: 0.05)
        return (scores.reduce(0, +) / Double(scores.count), (2 * sequence.lower - 1)...(2 * sequence.upper - 1))
    }

    /// Bradley–Terry ratings from `battles`, by model name (empty when they cannot be fitted).
    static func ratings(_ battles: [StoredBattle]) -> [String: Double] {
        let data = RankingData(battles: battles, filter: .init())
        guard data.models.count >= 2, let counts = try? data.counts(), let fit = try? BradleyTerry.fit(counts) else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(data.models, fit.ratings))
    }
}
