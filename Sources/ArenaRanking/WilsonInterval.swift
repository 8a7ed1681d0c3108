/// Wilson score interval for a proportion: adequacy share, first-seat win share, tie rate.
///
/// ```swift
/// let w = WilsonInterval(successes: 8, trials: 10)   // estimate 0.8, 95%: 0.490…0.943
/// ```
///
/// Unlike the normal ("Wald") interval it stays inside [0, 1] and keeps its coverage at small
/// counts and extreme shares. Traps: with `trials == 0` the estimate is 0 and the interval is the
/// whole [0, 1] — no information, shown as such.
public struct WilsonInterval: Sendable, Equatable {
    public let successes: Int
    public let trials: Int
    public let confidence: Double
    /// `successes / trials` (0 when there are no trials).
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    public init(successes: Int, trials: Int, confidence: Double = 0.95) {
        precondition(trials >= 0 && successes >= 0 && successes <= trials, "need 0 ≤ successes ≤ trials")
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        self.successes = successes
        self.trials = trials
        self.confidence = confidence
        guard trials > 0 else {
            estimate = 0
            lower = 0
            upper = 1
            return
        }
        let n = Double(trials), p = Double(successes) / n
        let z = NormalDistribution.quantile(0.5 + confidence / 2)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        estimate = p
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }

    /// Whether `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
