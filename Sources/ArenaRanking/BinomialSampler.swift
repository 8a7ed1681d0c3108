import Foundation

/// Exact binomial and multinomial draws, for resampling aggregated counts.
///
/// Small means (`n·p < 10`) use inversion (sequential search of the CDF); larger ones use
/// Hörmann's BTRS transformed rejection (1993), with the Stirling-series acceptance test as in
/// TensorFlow's implementation. Both are exact; neither allocates.
enum BinomialSampler {
    static func draw(trials n: Int, probability p: Double, using rng: inout SeededRandom) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        if p > 0.5 { return n - draw(trials: n, probability: 1 - p, using: &rng) }
        if Double(n) * p < 10 { return inversion(n: n, p: p, using: &rng) }
        return btrs(n: n, p: p, using: &rng)
    }

    private static func inversion(n: Int, p: Double, using rng: inout SeededRandom) -> Int {
        let q = 1 - p, s = p / q, a = Double(n + 1) * s
        var r = pow(q, Double(n))
        var u = rng.nextUniform()
        var x = 0
        while u > r {
            u -= r
            x += 1
            if x >= n || r == 0 { return min(x, n) }
            r *= a / Double(x) - s
        }
        return x
    }

    private static func btrs(n: Int, p: Double, using rng: inout SeededRandom) -> Int {
        let count = Double(n)
        let spq = (count * p * (1 - p)).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = count * p + 0.5
        let vr = 0.92 - 4.2 / b
        let r = p / (1 - p)
        let alpha = (2.83 + 5.1 / b) * spq
        let m = floor((count + 1) * p)
        while true {
            let u = rng.nextUniform() - 0.5
            var v = rng.nextUniform()
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + c)
            if k < 0 || k > count { continue }
            if us >= 0.07 && v <= vr { return Int(k) }
            v = log(v * alpha / (a / (us * us) + b))
            let bound = (m + 0.5) * log((m + 1) / (r * (count - m + 1)))
                + (count + 1) * log((count - m + 1) / (count - k + 1))
                + (k + 0.5) * log(r * (count - k + 1) / (k + 1))
                + stirlingTail(m) + stirlingTail(count - m) - stirlingTail(k) - stirlingTail(count - k)
            if v <= bound { return Int(k) }
        }
    }

    /// `log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π]`, the Stirling remainder.
    private static func stirlingTail(_ k: Double) -> Double {
        if k <= 9 { return stirlingTable[Int(k)] }
        let kp1sq = (k + 1) * (k + 1)
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)
    }

    private static let stirlingTable = [
        0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
        0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
        0.00925546218271273, 0.00833056343336287,
    ]

    /// Multinomial draw of `sum(weights)` items over cells with probabilities ∝ `weights`
    /// (non-negative integers stored as Double), written into `output`. Sequential conditional
    /// binomials with exact integer bookkeeping, so the draw always sums to the total.
    static func multinomial(_ weights: [Double], into output: inout [Double], using rng: inout SeededRandom) {
        var remainingMass = weights.reduce(0, +)
        var remainingDraws = Int(remainingMass)
        for k in weights.indices {
            let w = weights[k]
            if w <= 0 || remainingDraws == 0 {
                output[k] = 0
            } else if w >= remainingMass {
                output[k] = Double(remainingDraws)
                remainingDraws = 0
            } else {
                let drawn = draw(trials: remainingDraws, probability: w / remainingMass, using: &rng)
                output[k] = Double(drawn)
                remainingDraws -= drawn
            }
            remainingMass -= w
        }
    }
}
