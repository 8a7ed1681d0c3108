import Foundation

/// Numerically stable logistic helpers shared by the fits.
enum Logistic {
    /// `1 / (1 + e^−x)` without overflow.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// `log σ(x)` without overflow or cancellation.
    @inline(__always)
    static func logSigmoid(_ x: Double) -> Double {
        x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    /// `σ(x)` and `log σ(x)` from one `exp` and one `log1p` (the fits need both per pair).
    @inline(__always)
    static func sigmoidAndLog(_ x: Double) -> (p: Double, log: Double) {
        let e = exp(-abs(x))
        let l = log1p(e)
        return x >= 0 ? (1 / (1 + e), -l) : (e / (1 + e), x - l)
    }

    /// `log(2·cosh x)` = `|x| + log1p(e^{−2|x|})`.
    @inline(__always)
    static func logTwoCosh(_ x: Double) -> Double {
        let a = abs(x)
        return a + log1p(exp(-2 * a))
    }
}
