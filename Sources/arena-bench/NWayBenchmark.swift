import ArenaRanking
import Foundation

/// `arena-bench nway`: are Plackett–Luce intervals on rankings of 3, 4 and 8 seats honest, and what
/// does a full ranking buy over "winner only"? A simulation, not a timed test; the table goes into
/// docs/ranking.md.
///
/// Eight models with known strengths 850…1150 (evenly spaced, mean 1000, so the truth already sits
/// on the anchored scale; each replicate still re-anchors it as the fits do). Per scenario (seats ×
/// ties none / Davidson–Luce pair ties with weight δ₂) and replicate, `--battles` battles are drawn
/// and rated by: Plackett–Luce on the full ranking (half wins; also Davidson–Luce with ties), the
/// same battles cut to their winner (`winnerOnly`), and the old approach — the winner beats each
/// other seat as independent pairs, Bradley–Terry with a comparison bootstrap. Reported over all
/// models × replicates: coverage of the 95% percentile bootstrap interval (± 1.96 Monte-Carlo SE
/// over replicates), the largest |mean(estimate − truth)| over models (± its MC 1.96·SE), the mean
/// interval width, and for winner only the battle ratio (width_winner / width_full)² — how many
/// times more battles winner only needs for the full ranking's interval width.
enum NWayBenchmark {
    static let usage = """
    [--runs R] [--rounds B] [--battles N] [--seats 3,4,8] [--tie-weight D] [--seed S] [--threads T]
      coverage, bias and width of Plackett–Luce intervals on simulated 3-8-seat rankings,
      against winner only and the old winner-beats-each-seat pairs (defaults: 200 replicates,
      200 bootstrap rounds, 2,000 battles, pair-tie weight 0.3)

    """

    /// The generating ratings: 8 models, 850 … 1150 evenly spaced.
    static let ratings = (0..<8).map { 850 + 300 * Double($0) / 7 }

    static func run(_ arguments: [String]) -> Int32 {
        var runs = 200, rounds = 200, battles = 2000, seats = [3, 4, 8], tieWeight = 0.3
        var seed: UInt64 = 1, threads = Bootstrap.defaultThreads
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--runs": runs = Int(value) ?? runs
            case "--rounds": rounds = Int(value) ?? rounds
            case "--battles": battles = Int(value) ?? battles
            case "--seats": seats = value.split(separator: ",").compactMap { Int($0) }
            case "--tie-weight": tieWeight = Double(value) ?? tieWeight
            case "--seed": seed = UInt64(value) ?? seed
            case "--threads": threads = Int(value) ?? threads
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        guard runs > 1, rounds > 0, battles > 0, threads > 0, tieWeight > 0,
              !seats.isEmpty, seats.allSatisfy({ (3...ratings.count).contains($0) }) else {
            RankingBenchmark.fail("invalid option value (seats must be in 3...\(ratings.count))\n\(usage)")
            return 2
        }
        let started = Date()
        var lines: [String] = []
        for (number, seatCount) in seats.enumerated() {
            for (tieNumber, weights) in [[:], [2: tieWeight]].enumerated() {
                let scenario = NWayScenarios.Scenario(seats: seatCount, tieWeights: weights, battles: battles)
                let label = "\(seatCount) seats, " + (weights.isEmpty ? "no ties" : "ties δ₂ = \(tieWeight)")
                let scenarioSeed = seed &+ UInt64(number * 2 + tieNumber) &* 1_000_003
                let scenarioStart = Date()
                let step = max(1, runs / 10)
                let total = runs
                do {
                    let replicates = try NWayScenarios.run(
                        scenario, ratings: ratings, runs: runs, rounds: rounds, seed: scenarioSeed, threads: threads,
                        progress: { done in
                            if done % step == 0 || done == total {
                                RankingBenchmark.fail(String(format: "  %@: %d/%d replicates, %.0f s\n", label, done, total,
                                                             Date().timeIntervalSince(scenarioStart)))
                            }
                        })
                    lines += rows(scenario, replicates)
                } catch {
                    RankingBenchmark.fail("\(label) failed: \(error)\n")
                    return 1
                }
            }
        }
        print("| seats | ties (battles with a tie / tie for first) | method | coverage (95% nominal) | max \\|bias\\| (points) "
              + "| mean width (points) | winner only needs |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        lines.forEach { print($0) }
        print(String(format: "\n8 models 850…1150, %d battles per replicate, %d replicates, %d bootstrap rounds, seed %llu, "
                     + "%d threads, %.0f s", battles, runs, rounds, seed, threads, Date().timeIntervalSince(started)))
        return 0
    }

    /// Table rows of one scenario, one per method.
    static func rows(_ scenario: NWayScenarios.Scenario, _ replicates: [NWayScenarios.Replicate]) -> [String] {
        let runs = Double(replicates.count), n = ratings.count
        let total = runs * Double(scenario.battles)
        let tied = replicates.reduce(0) { $0 + $1.tiedBattles }, first = replicates.reduce(0) { $0 + $1.tiedFirst }
        let ties = scenario.tieWeights.isEmpty
            ? "none"
            : String(format: "δ₂ = %g: %.0f%% / %.0f%%", scenario.tieWeights[2] ?? 0,
                     100 * Double(tied) / total, 100 * Double(first) / total)
        var widths: [NWayScenarios.Method: Double] = [:]
        var rows: [(NWayScenarios.Method, String)] = []
        for method in scenario.methods {
            var coverage: [Double] = [], width = 0.0
            var errors = Array(repeating: [Double](), count: n)
            for replicate in replicates {
                let estimate = replicate.estimates[method]!
                var covered = 0
                for model in 0..<n {
                    let interval = estimate.intervals[model]
                    if interval.contains(replicate.truth[model]) { covered += 1 }
                    width += interval.upperBound - interval.lowerBound
                    errors[model].append(estimate.ratings[model] - replicate.truth[model])
                }
                coverage.append(Double(covered) / Double(n))
            }
            widths[method] = width / (runs * Double(n))
            let (cover, coverError) = meanAndError(coverage)
            let bias = errors.map(meanAndError).max { abs($0.mean) < abs($1.mean) }!
            rows.append((method, String(format: "%.1f%% (±%.1f) | %.2f (±%.2f) | %.1f", 100 * cover, 100 * coverError,
                                        abs(bias.mean), bias.error, widths[method]!)))
        }
        return rows.map { method, cells in
            let ratio = method.fullCounterpart.flatMap { full in widths[full].map { pow(widths[method]! / $0, 2) } }
            return "| \(scenario.seats) | \(ties) | \(method.rawValue) | \(cells) | "
                + (ratio.map { String(format: "%.2f× the battles", $0) } ?? "") + " |"
        }
    }

    /// Mean and 1.96 × its standard error.
    static func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(count - 1, 1)
        return (mean, 1.96 * (variance / count).squareRoot())
    }
}
