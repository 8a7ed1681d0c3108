import ArenaRanking
import Foundation

/// The simulations behind `arena-bench stats`: each rule exactly as the CLI applies it, under the
/// way a user looks at it (after every vote), with seeded draws.
enum StatsScenarios {
    // MARK: pair order

    /// Two models, one vote at a time up to `horizon`; after each vote the pair is fitted
    /// (Bradley–Terry with the default prior, as the leaderboard) and both rules asked.
    /// Returns (share ever settled by the anytime rule, share ever settled by the old
    /// single-look "P(order right) ≥ 95%", the first vote each run was settled at).
    static func pairRun(gapPoints: Double, tieShare: Double, horizon: Int, seed: UInt64,
                        rule: AnytimeOrder) -> (anytime: Int?, singleLook: Int?) {
        var rng = SeededRandom(seed: seed)
        let p = 1 / (1 + pow(10, -gapPoints / 400))
        var counts = ComparisonCounts(modelCount: 2)
        var anytime: Int?, single: Int?
        for vote in 1...horizon {
            let u = rng.nextUniform()
            let outcome: PairOutcome = u < tieShare ? .tie : (rng.nextUniform() < p ? .winA : .winB)
            try! counts.add(outcome, a: 0, b: 1)
            guard let fit = try? BradleyTerry.fit(counts), let gaps = try? GapCovariance(counts: counts, ratings: fit.ratings),
                  let error = gaps.standardError(between: 0, and: 1) else { continue }
            let gap = fit.ratings[0] - fit.ratings[1]
            if anytime == nil, rule.isSettled(gapPoints: gap, standardError: error) { anytime = vote }
            if single == nil, StoppingRule.probabilityOrderRight(gap: abs(gap) * GapCovariance.logitsPerPoint, standardError: error) >= 0.95 {
                single = vote
            }
            if anytime != nil && single != nil { break }
        }
        return (anytime, single)
    }

    // MARK: rates against a bar

    /// Values judged one at a time, each a fresh prompt, with true mean exactly `bar`; the betting
    /// test is updated incrementally and checked against the library's batch computation at the
    /// end. Returns true when it ever claimed the rate is above the bar.
    static func rateRunUnclustered(bar: Double, draw: (inout SeededRandom) -> Double, horizon: Int, alpha: Double,
                                   seed: UInt64) -> Bool {
        var rng = SeededRandom(seed: seed)
        var test = IncrementalBettingTest(m: bar, alpha: alpha)
        var values: [Double] = []
        var claimed = false
        for _ in 0..<horizon {
            let x = draw(&rng)
            values.append(x)
            test.append(x)
            if test.rejectsBelow { claimed = true; break }
        }
        let batch = BettingConfidenceSequence.logWealth(values, alpha: alpha, m: bar, above: true)
        precondition(abs(batch - test.logWealth) < 1e-6 * max(1, abs(batch)), "incremental and batch wealth differ")
        return claimed
    }

    /// A suite of `prompts` prompts, each with its own true rate drawn from `promptRates`, and
    /// `perPrompt` judgements each (repeats × raters), judged in random order, looked at after
    /// every judgement. Returns (ever claimed above `bar`, final fixed-sample interval covers
    /// `truth`, Wilson over the judgements as if independent covers `truth`).
    static func rateRunClustered(bar: Double, truth: Double, prompts: Int, perPrompt: Int,
                                 promptRate: (inout SeededRandom) -> Double,
                                 judgement: (_ prompt: Int, _ rate: Double, _ slot: Int, inout SeededRandom) -> Double,
                                 alpha: Double, seed: UInt64) -> (claimed: Bool, covers: Bool, naiveCovers: Bool) {
        var rng = SeededRandom(seed: seed)
        let rates = (0..<prompts).map { _ in promptRate(&rng) }
        var slots = (0..<prompts).flatMap { prompt in (0..<perPrompt).map { (prompt, $0) } }
        slots.shuffle(using: &rng)
        let values = slots.map { prompt, index in judgement(prompt, rates[prompt], index, &rng) }
        var judged: [ClusteredRate.Judgement] = []
        var claimed = false
        for (slot, value) in zip(slots, values) {
            judged.append(.init(cluster: String(slot.0), value: value))
            if !claimed, ClusteredRate(judgements: judged, alpha: alpha).side(of: bar) == .above { claimed = true }
        }
        let final = ClusteredRate(judgements: judged, alpha: alpha)
        let successes = values.filter { $0 >= 1 }.count
        let naive = WilsonInterval(successes: successes, trials: values.count, confidence: 1 - alpha)
        return (claimed, final.interval.contains(truth), naive.contains(truth))
    }

    // MARK: fixed-sample coverage of the leaderboard's intervals

    /// Two models `gapPoints` apart; does the bootstrap interval of model 0's rating (mean
    /// anchoring: true rating 1000 + gap/2) cover it? Under half-win ties (`davidson` false) and
    /// Davidson's model. `halfWinTarget`: whether it covers what half wins estimate instead — the
    /// gap at which Bradley–Terry's win probability equals `P(win) + P(tie)/2`, a compressed scale.
    static func coverageRun(gapPoints: Double, tieParameter: Double, battles: Int, davidson: Bool,
                            seed: UInt64) -> (truth: Bool, halfWinTarget: Bool) {
        let simulator = BattleSimulator(ratings: [gapPoints / 2, -gapPoints / 2], tieParameter: tieParameter)
        let counts = try! ComparisonCounts(modelCount: 2, comparisons: simulator.comparisons(count: battles, seed: seed))
        let method: RatingMethod = davidson ? .davidson : .bradleyTerry
        guard let boot = try? Bootstrap.ratings(counts, method: method, rounds: 200, seed: seed &+ 7) else { return (false, false) }
        let p = Davidson.terms(d: gapPoints / RatingScale.pointsPerLogit, tau: tieParameter > 0 ? log(tieParameter) : -.infinity)
        let q = p.pw + (1 - p.pw - p.pl) / 2
        let compressed = log(q / (1 - q)) * RatingScale.pointsPerLogit
        let interval = boot.interval(for: 0)
        return (interval.contains(1000 + gapPoints / 2), interval.contains(1000 + compressed / 2))
    }
}

/// The betting test of `BettingConfidenceSequence` for one candidate mean, updated one value at a
/// time (the batch computation redoes every value at each look).
struct IncrementalBettingTest {
    let m: Double
    let alpha: Double
    private(set) var logWealth = 0.0
    private var t = 0.0, sum = 0.0, squares = 0.25

    init(m: Double, alpha: Double) {
        self.m = m
        self.alpha = alpha
    }

    var rejectsBelow: Bool { logWealth >= log(2 / alpha) }

    mutating func append(_ x: Double) {
        t += 1
        let bet = sqrt(2 * log(2 / alpha) / (squares / t * t * log(t + 1)))
        logWealth += log1p(min(bet, 0.75 / m) * (x - m))
        let runningMean = (0.5 + sum) / t
        squares += (x - runningMean) * (x - runningMean)
        sum += x
    }
}
