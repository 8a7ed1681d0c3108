import Foundation

/// How far an estimate may be from the truth, at every sample size at once: the two-sided
/// normal-mixture boundary (Robbins 1970; Howard, Ramdas, McAuliffe & Sekhon 2021), used as an
/// asymptotic confidence sequence (Waudby-Smith et al., "Time-uniform central limit theory", 2024).
///
/// ```swift
/// let boundary = NormalMixtureBoundary(alpha: 0.05)
/// boundary.radius(standardError: 0.09)    // ≈ 3.0 × 0.09 near the tuned information, wider early
/// boundary.multiplier(information: 125)  // the "z" it uses in place of 1.96
/// ```
///
/// With information `I = 1/s²` (s the estimate's standard error), the score sum `S = I·(θ̂ − θ)` is
/// approximately a Gaussian martingale with variance `I`; mixing its exponential martingales over
/// a normal prior of precision `ρ` and applying Ville's inequality gives
/// `P(∃ I: |S| ≥ √(2(I + ρ)·log(√((I + ρ)/ρ)/α))) ≤ α`. So `θ̂ ± radius` holds at every look with
/// probability ≥ 1 − α (asymptotically, as the normal approximation of the estimate holds).
/// `ρ` is tuned so the boundary is tightest at `tunedInformation` (default 125 logit⁻², the
/// information about the gap between two equal models after 500 votes between them).
///
/// Traps: early, with little information, the radius is many standard errors wide on purpose —
/// that is what pays for looking after every vote. The guarantee is only as good as the standard
/// error: use a model-based one (`GapCovariance`), not a bootstrap of a handful of votes, which
/// can be zero.
public struct NormalMixtureBoundary: Sendable, Equatable {
    public let alpha: Double
    /// Mixing precision ρ, in units of information.
    public let precision: Double

    public init(alpha: Double = 0.05, tunedInformation: Double = 125) {
        precondition(alpha > 0 && alpha < 1 && tunedInformation > 0)
        self.alpha = alpha
        let twoLog = -2 * log(alpha)
        precision = tunedInformation / (twoLog + log(twoLog + 1))
    }

    /// The boundary divided by the standard error: what replaces the fixed-sample z.
    public func multiplier(information: Double) -> Double {
        guard information > 0, information.isFinite else { return .infinity }
        let total = information + precision
        return sqrt(2 * total / information * log(sqrt(total / precision) / alpha))
    }

    /// Half-width of the anytime-valid interval around an estimate with this standard error.
    public func radius(standardError: Double) -> Double {
        guard standardError > 0, standardError.isFinite else { return standardError == 0 ? 0 : .infinity }
        return standardError * multiplier(information: 1 / (standardError * standardError))
    }
}
