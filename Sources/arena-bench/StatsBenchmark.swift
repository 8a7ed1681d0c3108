import ArenaRanking
import Foundation

/// `arena-bench stats`: does every claim hold its error rate when the user looks after every
/// vote, does every interval cover, and how many votes does a decision take? A simulation, not a
/// timed test; the table goes into docs/ranking.md.
enum StatsBenchmark {
    static let usage = """
    [--runs N] [--seed S]
      error rates under continuous monitoring, interval coverage and power of arena's rules

    """

    struct Row {
        var rule: String
        var scenario: String
        var measured: String
        var target: String
    }

    static func run(_ arguments: [String]) -> Int32 {
        var runs = 400, seed: UInt64 = 1
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--runs": runs = Int(value) ?? runs
            case "--seed": seed = UInt64(value) ?? seed
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        let started = Date()
        var rows: [Row] = []
        rows += pairErrorRows(runs: runs, seed: seed)
        rows += rateRows(runs: runs, seed: seed)
        rows += coverageRows(runs: runs, seed: seed)
        rows += powerRows(runs: max(runs / 4, 20), seed: seed)
        print("| rule | scenario | measured | target |")
        print("| --- | --- | --- | --- |")
        for row in rows { print("| \(row.rule) | \(row.scenario) | \(row.measured) | \(row.target) |") }
        print(String(format: "\n%d runs per error-rate row, seed %llu, %.0f s", runs, seed, Date().timeIntervalSince(started)))
        return 0
    }

    /// "x.x% (±y.y)": a share with its 95% simulation error.
    static func share(_ hits: Int, _ total: Int) -> String {
        let p = Double(hits) / Double(max(total, 1))
        return String(format: "%.1f%% (±%.1f)", p * 100, 196 * sqrt(max(p * (1 - p), 1e-12) / Double(max(total, 1))))
    }

    static func pairErrorRows(runs: Int, seed: UInt64) -> [Row] {
        let rule = AnytimeOrder()
        return [0.0, 0.2].flatMap { ties -> [Row] in
            var anytime = 0, single = 0
            for run in 0..<runs {
                let result = StatsScenarios.pairRun(gapPoints: 0, tieShare: ties, horizon: 5000, seed: seed &+ UInt64(run), rule: rule)
                if result.anytime != nil { anytime += 1 }
                if result.singleLook != nil { single += 1 }
            }
            let scenario = "equal models, \(Int(ties * 100))% ties, looked at after every vote up to 5,000"
            return [Row(rule: "pair settled (anytime)", scenario: scenario, measured: share(anytime, runs), target: "≤ 5%"),
                    Row(rule: "pair settled (old single-look rule)", scenario: scenario, measured: share(single, runs), target: "(for contrast)")]
        }
    }

    static func rateRows(runs: Int, seed: UInt64) -> [Row] {
        let alpha = 0.05
        var rows: [Row] = []
        var adequate = 0
        for run in 0..<runs where StatsScenarios.rateRunUnclustered(
            bar: 0.9, draw: { $0.nextUniform() < 0.9 ? 1 : 0 }, horizon: 3000, alpha: alpha, seed: seed &+ UInt64(run)) {
            adequate += 1
        }
        rows.append(Row(rule: "adequate (anytime)", scenario: "true adequacy exactly 0.90 = bar, one prompt per mark, looked at after every mark up to 3,000",
                        measured: share(adequate, runs), target: "≤ 2.5%"))
        var noninferior = 0
        for run in 0..<runs where StatsScenarios.rateRunUnclustered(
            bar: 0.45, draw: { rng in let u = rng.nextUniform(); return u < 0.35 ? 1 : (u < 0.55 ? 0.5 : 0) },
            horizon: 3000, alpha: alpha, seed: seed &+ 50_000 &+ UInt64(run)) {
            noninferior += 1
        }
        rows.append(Row(rule: "non-inferior (anytime)", scenario: "win rate exactly 0.45 = 0.5 − margin 0.05 (35% won, 20% tied), looked at after every vote up to 3,000",
                        measured: share(noninferior, runs), target: "≤ 2.5%"))
        // `arena suites health`: a prompt whose verdicts are coin flips (35% for the model rated
        // higher elsewhere, 35% against, 30% ties: mean score exactly 0) must rarely be called
        // discriminating, looked at after every judgement.
        var discriminating = 0
        for run in 0..<runs where StatsScenarios.rateRunUnclustered(
            bar: 0.5, draw: { rng in let u = rng.nextUniform(); return u < 0.35 ? 1 : (u < 0.65 ? 0.5 : 0) },
            horizon: 3000, alpha: alpha, seed: seed &+ 70_000 &+ UInt64(run)) {
            discriminating += 1
        }
        rows.append(Row(rule: "discriminating prompt (anytime)", scenario: "coin-flip verdicts (35% with the order, 35% against, 30% ties), looked at after every judgement up to 3,000",
                        measured: share(discriminating, runs), target: "≤ 2.5%"))
        // A clustered suite: prompts differ (half always adequate, 30% at 0.9, 20% at 0.65: mean
        // 0.90), each answer marked by two raters who disagree 5% of the time.
        let promptRate: (inout SeededRandom) -> Double = { rng in
            let u = rng.nextUniform()
            return u < 0.5 ? 1 : (u < 0.8 ? 0.9 : 0.65)
        }
        let truth = 0.9 * 0.95 + 0.1 * 0.05
        for (prompts, repeats) in [(20, 5), (60, 5)] {
            var claimed = 0, covered = 0, naive = 0
            for run in 0..<runs {
                var answerAdequate: [Int: Bool] = [:]   // prompt * 1000 + repeat: both raters see one answer
                let result = StatsScenarios.rateRunClustered(
                    bar: truth, truth: truth, prompts: prompts, perPrompt: repeats * 2, promptRate: promptRate,
                    judgement: { prompt, rate, slot, rng in
                        let answer = prompt * 1000 + slot / 2
                        let good = answerAdequate[answer] ?? (rng.nextUniform() < rate)
                        answerAdequate[answer] = good
                        let flipped = rng.nextUniform() < 0.05
                        return (good != flipped) ? 1 : 0
                    }, alpha: alpha, seed: seed &+ 90_000 &+ UInt64(run))
                if result.claimed { claimed += 1 }
                if result.covers { covered += 1 }
                if result.naiveCovers { naive += 1 }
            }
            let scenario = "\(prompts) prompts × \(repeats) repeats × 2 raters, adequacy exactly at the bar, looked at after every mark"
            rows.append(Row(rule: "adequate (anytime, by prompt)", scenario: scenario, measured: share(claimed, runs), target: "≤ 2.5%"))
            rows.append(Row(rule: "95% interval, clustered by prompt", scenario: scenario, measured: share(covered, runs), target: "93–97%"))
            rows.append(Row(rule: "95% Wilson over marks (old)", scenario: scenario, measured: share(naive, runs), target: "(for contrast)"))
        }
        return rows
    }

    static func coverageRows(runs: Int, seed: UInt64) -> [Row] {
        let cases: [(String, Double, Bool)] = [("no ties", 0, false), ("10% ties, half wins", 0.22, false),
                                               ("30% ties, half wins", 0.86, false),
                                               ("10% ties, Davidson", 0.22, true), ("30% ties, Davidson", 0.86, true)]
        return cases.flatMap { name, nu, davidson -> [Row] in
            var covered = 0, coveredHalfWin = 0
            for run in 0..<runs {
                let result = StatsScenarios.coverageRun(gapPoints: 100, tieParameter: nu, battles: 500,
                                                        davidson: davidson, seed: seed &+ 200_000 &+ UInt64(run))
                if result.truth { covered += 1 }
                if result.halfWinTarget { coveredHalfWin += 1 }
            }
            let scenario = "2 models 100 points apart, 500 battles, \(name)"
            var rows = [Row(rule: "95% bootstrap interval of a rating", scenario: scenario + "; covers the generating rating",
                            measured: share(covered, runs), target: davidson || nu == 0 ? "93–97%" : "(compressed scale: for contrast)")]
            if !davidson && nu > 0 {
                rows.append(Row(rule: "95% bootstrap interval of a rating", scenario: scenario + "; covers what half wins estimate",
                                measured: share(coveredHalfWin, runs), target: "93–97%"))
            }
            return rows
        }
    }

    static func powerRows(runs: Int, seed: UInt64) -> [Row] {
        let rule = AnytimeOrder()
        return [20.0, 50.0, 100.0].map { gap in
            var settledAt: [Int] = []
            let horizon = 40_000
            for run in 0..<runs {
                if let vote = StatsScenarios.pairRun(gapPoints: gap, tieShare: 0, horizon: horizon, seed: seed &+ 300_000 &+ UInt64(run),
                                                     rule: rule).anytime {
                    settledAt.append(vote)
                }
            }
            settledAt.sort()
            // The prediction `votesNeeded` makes after 100 votes at the true gap and its expected error.
            let p = 1 / (1 + pow(10, -gap / 400))
            let error = 1 / sqrt(100 * p * (1 - p))
            let predicted = rule.votesNeeded(gapPoints: gap, standardError: error, votes: 100).map { 100 + $0.estimate }
            let byPrediction = predicted.map { limit in settledAt.filter { $0 <= limit }.count } ?? 0
            let z = 1.96 + 0.8416, theta = gap * GapCovariance.logitsPerPoint
            let fixed = Int((z * z / (theta * theta * p * (1 - p))).rounded(.up))
            let median = settledAt.isEmpty ? "–" : String(settledAt[settledAt.count / 2])
            let eightieth = settledAt.count >= runs * 4 / 5 ? String(settledAt[runs * 4 / 5 - 1]) : "> \(horizon)"
            return Row(rule: "votes to settle (anytime, 2 models, no ties)", scenario: "gap \(Int(gap)) points",
                       measured: "median \(median), 80% by \(eightieth); predicted for 80%: \(predicted.map(String.init) ?? "–") "
                           + "(settled by then: \(share(byPrediction, runs)))",
                       target: "fixed-sample n for 80% power: \(fixed)")
        }
    }
}
