/// How well each rater's decisive votes agree with the ranking everyone *else* produced, and the
/// `RaterConsistency` flag that follows: the team view of a pooled leaderboard.
///
/// ```swift
/// let capped = try DailyCap(limit: 50).apply(votes)
/// let report = try RaterAgreement.analyze(capped.kept, modelCount: names.count)
/// for r in report {
///     print(r.rater, r.agreements, "/", r.scored, r.agreementRate.lower, r.agreementRate.upper,
///           r.expectedAgreement ?? .nan, r.othersVotesPerModel ?? 0, r.consistency)
/// }
/// ```
///
/// For each rater the others' votes are fitted with `BradleyTerry` (leave one rater out: nobody
/// agrees with themselves; the table is the full table minus the rater's own, O(models²) per
/// rater, never re-aggregated). Each decisive vote is then
/// - **unscored** when the others' fit has no information on its pair: a model the others never
///   judged, or two models in parts of the others' comparison graph that never met, directly or
///   through other models (the prior would then decide the order), or an exact tie in the fit;
/// - otherwise **scored**, and an **agreement** when the vote's winner is the model the others'
///   fit rates higher.
///
/// `agreementRate` is agreements / scored with a Wilson interval; `expectedAgreement` is the mean
/// over scored votes of max(p, 1 − p), p the others' Bradley–Terry win probability for the pair —
/// what a rater voting like the model of the others would reach on these same pairs. Ties and
/// both-bad count in `votes` but are never scored. Raters are returned sorted by name.
/// Traps: agreement with the others is not correctness (see `RaterConsistency`); with few raters
/// the leave-out fit rests on few votes, and with two raters each is judged against the other
/// alone. A single rater has nothing to be compared with: everything is unscored.
/// `expectedAgreement` is only as sharp as the others' fit: noisy or opposing raters among the
/// others (and half-win ties) pull its ratings together, so it can sit below what an honest rater
/// actually reaches (simulated: 0.59 expected, 0.75 reached, with a random and an adversarial rater
/// among six).
public struct RaterAgreement: Sendable, Equatable {
    public let rater: String
    /// All the rater's votes, any verdict.
    public let votes: Int
    /// Votes with a winner (not `.tie` or `.bothBad`).
    public let decisive: Int
    /// `.tie` votes.
    public let ties: Int
    /// `.bothBad` votes.
    public let bothBad: Int
    /// Decisive votes on pairs the others' fit has information on.
    public let scored: Int
    /// Decisive votes the others' fit cannot judge (`decisive − scored`).
    public let unscored: Int
    /// Scored votes whose winner the others' fit rates higher.
    public let agreements: Int
    /// agreements / scored, with its Wilson interval (level `Criteria.confidence`).
    public let agreementRate: WilsonInterval
    /// Mean of max(p, 1 − p) over scored votes under the others' fit; nil when nothing is scored.
    public let expectedAgreement: Double?
    /// How many of the others' verdicts each model in the scored part of their graph took part
    /// in, on average (2 × verdicts / models): how much `expectedAgreement` rests on. Nil when
    /// nothing is scored.
    public let othersVotesPerModel: Double?
    /// The flag from `RaterConsistency.classify`.
    public let consistency: RaterConsistency

    /// One report per rater, sorted by name. `options` configure every leave-out fit (the anchor
    /// is irrelevant: only rating differences are used). Throws on an invalid vote (model out of
    /// range, same model in both seats) and whatever `BradleyTerry.fit` throws (e.g. with
    /// `Prior.none` when the others' data has no finite MLE).
    public static func analyze(_ votes: [RaterVote], modelCount: Int, options: FitOptions = .init(),
                               criteria: RaterConsistency.Criteria = .default) throws(RankingError) -> [RaterAgreement] {
        let names = Set(votes.map(\.rater)).sorted()
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() { position[name] = index }
        var total = ComparisonCounts(modelCount: modelCount)
        var own = Array(repeating: ComparisonCounts(modelCount: modelCount), count: names.count)
        for vote in votes {
            try total.add(vote.outcome, a: vote.a, b: vote.b)
            try own[position[vote.rater]!].add(vote.outcome, a: vote.a, b: vote.b)
        }
        var reports: [RaterAgreement] = []
        reports.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            let mine = own[index]
            let others = try total.subtracting(mine)
            let fit = try BradleyTerry.fit(others, options: options)
            reports.append(report(rater: name, own: mine, others: others, logits: fit.logits, criteria: criteria))
        }
        return reports
    }

    /// Scores one rater's counts against the others' fitted logits.
    static func report(rater: String, own: ComparisonCounts, others: ComparisonCounts, logits: [Double],
                       criteria: RaterConsistency.Criteria) -> RaterAgreement {
        let n = own.modelCount
        let graph = ComparisonGraph(others)
        var decisive = 0, scored = 0, agreements = 0
        var expected = 0.0
        var judged = Set<Int>()
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let wonByI = own.wins(of: i, over: j), wonByJ = own.wins(of: j, over: i)
                let votes = wonByI + wonByJ
                guard votes > 0 else { continue }
                decisive += votes
                guard graph.sameComponent(i, j), let component = graph.component[i], logits[i] != logits[j] else { continue }
                let p = Logistic.sigmoid(logits[i] - logits[j])
                scored += votes
                agreements += logits[i] > logits[j] ? wonByI : wonByJ
                expected += Double(votes) * max(p, 1 - p)
                judged.insert(component)
            }
        }
        let totals = own.seatTotals
        let expectedAgreement = scored > 0 ? expected / Double(scored) : nil
        let evidence = scored > 0 ? othersVotesPerModel(others, graph: graph, components: judged) : nil
        return RaterAgreement(
            rater: rater, votes: own.totalBattles, decisive: decisive, ties: totals.ties, bothBad: totals.bothBad,
            scored: scored, unscored: decisive - scored, agreements: agreements,
            agreementRate: WilsonInterval(successes: agreements, trials: scored, confidence: criteria.confidence),
            expectedAgreement: expectedAgreement, othersVotesPerModel: evidence,
            consistency: RaterConsistency.classify(agreements: agreements, scored: scored,
                                                   expectedAgreement: expectedAgreement,
                                                   othersVotesPerModel: evidence ?? 0, criteria: criteria))
    }

    /// 2 × the others' verdicts (any kind) inside `components` / the models in them: how many of
    /// the others' votes each model the rater was scored on took part in, on average.
    static func othersVotesPerModel(_ others: ComparisonCounts, graph: ComparisonGraph, components: Set<Int>) -> Double {
        let models = (0..<others.modelCount).filter { graph.component[$0].map(components.contains) ?? false }
        guard !models.isEmpty else { return 0 }
        var votes = 0
        for (k, i) in models.enumerated() {
            for j in models[(k + 1)...] where graph.sameComponent(i, j) { votes += others.battles(between: i, and: j) }
        }
        return 2 * Double(votes) / Double(models.count)
    }
}
