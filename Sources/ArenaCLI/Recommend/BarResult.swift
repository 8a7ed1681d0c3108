import ArenaRanking
import Foundation

/// Where a model stands against one bar, decided so that the claim holds however often the user
/// runs `arena recommend` between judgements.
///
/// ```swift
/// let result = BarResult.decide(judgements, bar: 0.9, alpha: 0.05 / 3, seed: 1)
/// result.status          // .adequate only when the anytime-valid lower bound clears the bar
/// result.rate?.interval  // the fixed-sample 95% interval, by prompt, for display
/// result.needed          // prompts to judge for an 80% chance of a decision
/// result.holdsUnless     // adverse judgements after which the decision would no longer stand
/// ```
///
/// Judgements are reduced to one value per prompt (`ClusteredRate`): a suite of 20 prompts run
/// 5 times is evidence about 20 prompts. `alpha` is the caller's share of the error budget
/// (`Recommendation` splits α over the models, so every claim it prints holds jointly).
struct BarResult: Equatable {
    enum Status: String { case adequate, notAdequate = "not adequate", undecided, reference }
    var rate: ClusteredRate?
    var status: Status
    /// More prompts to judge for an 80% chance that the rule decides, if their results look like
    /// the prompts judged so far (seeded resampling); nil when decided or not known.
    var needed: Int?
    /// For a decided bar: how many further adverse judgements (each a new prompt going the other
    /// way) would leave it undecided.
    var holdsUnless: Int?

    static let reference = BarResult(rate: nil, status: .reference)
    static let nothingJudged = BarResult(rate: nil, status: .undecided)

    static func decide(_ judgements: [ClusteredRate.Judgement], bar: Double, alpha: Double, seed: UInt64) -> BarResult {
        guard !judgements.isEmpty else { return nothingJudged }
        let rate = ClusteredRate(judgements: judgements, alpha: alpha)
        switch rate.side(of: bar) {
        case .above:
            return BarResult(rate: rate, status: .adequate, holdsUnless: adverse(rate, bar: bar, alpha: alpha, value: 0))
        case .below:
            return BarResult(rate: rate, status: .notAdequate, holdsUnless: adverse(rate, bar: bar, alpha: alpha, value: 1))
        case nil:
            return BarResult(rate: rate, status: .undecided, needed: morePrompts(rate, bar: bar, alpha: alpha, seed: seed))
        }
    }

    /// Smallest k such that k more prompts all valued `value` leave the decision undecided.
    static func adverse(_ rate: ClusteredRate, bar: Double, alpha: Double, value: Double) -> Int? {
        func stands(_ k: Int) -> Bool {
            let values = rate.clusterMeans + Array(repeating: value, count: k)
            return ClusteredRate.side(clusterMeans: values, bar: bar, alpha: alpha) != nil
        }
        var high = 1
        while stands(high) {
            high *= 2
            if high > 1 << 20 { return nil }
        }
        var low = high / 2
        while high - low > 1 {
            let mid = (low + high) / 2
            if stands(mid) { low = mid } else { high = mid }
        }
        return high
    }

    /// Prompts to add (values resampled from the judged prompts) for 80% of 200 seeded futures to
    /// decide; nil beyond 20,000 or when every prompt so far sits exactly on the bar.
    static func morePrompts(_ rate: ClusteredRate, bar: Double, alpha: Double, seed: UInt64) -> Int? {
        let observed = rate.clusterMeans
        guard !observed.isEmpty, observed.contains(where: { abs($0 - bar) > 1e-9 }) else { return nil }
        func decidedShare(_ k: Int) -> Double {
            var rng = SeededRandom(seed: seed)
            var decided = 0
            for _ in 0..<200 {
                var values = observed
                for _ in 0..<k { values.append(observed[Int(rng.next() % UInt64(observed.count))]) }
                if ClusteredRate.side(clusterMeans: values, bar: bar, alpha: alpha) != nil { decided += 1 }
            }
            return Double(decided) / 200
        }
        var k = 1
        while decidedShare(k) < 0.8 {
            k *= 2
            if k > 20_000 { return nil }
        }
        var low = k / 2
        while k - low > max(1, k / 16) {
            let mid = (low + k) / 2
            if decidedShare(mid) >= 0.8 { k = mid } else { low = mid }
        }
        return k
    }
}
