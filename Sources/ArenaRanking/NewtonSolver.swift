import Foundation

/// Damped Newton ascent for the smooth concave log-likelihoods of this module.
///
/// The caller's `derivatives` fills the gradient and the *negative* Hessian (row-major, m × m) at
/// a point and returns the objective; `value` returns the objective alone for the line search.
/// Steps are solved by Cholesky; a backtracking (Armijo) line search guards the first iterations,
/// and once the Newton decrement is tiny the full step is taken (the objective's own rounding
/// would otherwise stall the line search on a million battles).
///
/// ```swift
/// let solved = try NewtonSolver.maximize(start: [0], maxIterations: 50,
///                                        value: { -($0[0] - 1) * ($0[0] - 1) },
///                                        derivatives: { x, g, h in g[0] = -2 * (x[0] - 1); h[0] = 2
///                                                       return -(x[0] - 1) * (x[0] - 1) })
/// solved.x          // [1.0]; solved.converged: true
/// ```
///
/// `converged` is true only when a step shorter than `stepTolerance` ends the ascent, or the
/// Newton decrement gᵀH⁻¹g (the gradient measured in the Hessian's metric, twice the gain the
/// quadratic model predicts) is at most max(1e-9, 1e-12·|f|): the gradient is within tolerance
/// and the full (tiny) step is taken without a search. When the decrement is larger and the
/// backtracking search finds no step down to t = 1e-12 that gains (inconsistent derivatives, a
/// kink, NaN values), the solver stops there and reports *not* converged, returning the last
/// point that was accepted; retrying from it would fail the same way. Traps: a failed search is
/// never a tolerance question — its decrement is above tolerance by construction.
enum NewtonSolver {
    struct Outcome {
        var x: [Double]
        var iterations: Int
        var converged: Bool
    }

    static let stepTolerance = 1e-10

    static func maximize(
        start: [Double],
        maxIterations: Int,
        value: ([Double]) -> Double,
        derivatives: ([Double], inout [Double], inout [Double]) -> Double
    ) throws(RankingError) -> Outcome {
        let m = start.count
        var x = start
        guard m > 0 else { return Outcome(x: x, iterations: 0, converged: true) }
        var gradient = [Double](repeating: 0, count: m)
        var negHessian = [Double](repeating: 0, count: m * m)
        var trial = x
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            for k in 0..<m { gradient[k] = 0 }
            for k in 0..<(m * m) { negHessian[k] = 0 }
            let f = derivatives(x, &gradient, &negHessian)
            let step = try Cholesky.solve(&negHessian, gradient, size: m)
            var decrement = 0.0
            var largest = 0.0
            for k in 0..<m {
                decrement += gradient[k] * step[k]
                largest = max(largest, abs(step[k]))
            }
            var t = 1.0
            if decrement > max(1e-9, 1e-12 * abs(f)) {
                var improved = false
                while t > 1e-12 {
                    for k in 0..<m { trial[k] = x[k] + t * step[k] }
                    if value(trial) >= f + 1e-4 * t * decrement { improved = true; break }
                    t *= 0.5
                }
                // Stuck: the model promises more than rounding, yet no step gains. Not a maximum.
                if !improved { return Outcome(x: x, iterations: iteration, converged: false) }
            }
            for k in 0..<m { x[k] += t * step[k] }
            if t * largest < stepTolerance { return Outcome(x: x, iterations: iteration, converged: true) }
        }
        return Outcome(x: x, iterations: iteration, converged: false)
    }
}

/// Solves `A·x = b` for symmetric positive-definite `A` (row-major, overwritten by its factor).
enum Cholesky {
    static func solve(_ a: inout [Double], _ b: [Double], size n: Int) throws(RankingError) -> [Double] {
        let original = a
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, abs(a[i * n + i])) }
        var jitter = 0.0
        for _ in 0..<4 {
            if factor(&a, size: n, jitter: jitter) { return substitute(a, b, size: n) }
            a = original
            jitter = jitter == 0 ? 1e-12 * max(largestDiagonal, 1) : jitter * 1000
        }
        throw RankingError(.numericalFailure, "Hessian is not positive definite (\(n) parameters)")
    }

    /// In-place lower Cholesky factor; false if a pivot is not positive.
    private static func factor(_ a: inout [Double], size n: Int, jitter: Double) -> Bool {
        a.withUnsafeMutableBufferPointer { m in
            for j in 0..<n {
                var diagonal = m[j * n + j] + jitter
                for k in 0..<j { diagonal -= m[j * n + k] * m[j * n + k] }
                guard diagonal > 0, diagonal.isFinite else { return false }
                let pivot = diagonal.squareRoot()
                m[j * n + j] = pivot
                for i in (j + 1)..<max(n, j + 1) {
                    var sum = m[i * n + j]
                    for k in 0..<j { sum -= m[i * n + k] * m[j * n + k] }
                    m[i * n + j] = sum / pivot
                }
            }
            return true
        }
    }

    private static func substitute(_ l: [Double], _ b: [Double], size n: Int) -> [Double] {
        var y = b
        for i in 0..<n {
            var sum = y[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<max(n, i + 1) { sum -= l[k * n + i] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        return y
    }
}
