import Foundation

/// The penalty that keeps every rating finite: which one, and how strong.
///
/// ```swift
/// BradleyTerry.fit(counts)                                   // .virtualTies(1), the default
/// BradleyTerry.fit(counts, options: .init(prior: .fastChat()))  // reproduce fschat 0.2.36
/// BradleyTerry.fit(counts, options: .init(prior: .none))     // plain MLE, may throw
/// ```
///
/// The default gives each model one virtual battle, split half win / half loss, against a
/// reference player fixed at logit 0. In log-likelihood terms that adds `−count·log(2·cosh(θ/2))`
/// per model: flat near 0, linear far away, so it moves a well-measured model by a negligible
/// amount (1 virtual battle next to thousands of real ones) yet holds an undefeated model at a
/// finite, large rating. At the optimum the reference sits where the field beats it half the time
/// on average (`Σ σ(θᵢ) = n/2`), i.e. it is the "mean" player.
///
/// Traps: `.none` throws `RankingError.mleDoesNotExist` whenever a model (or a group of models)
/// never lost or never won against the rest — common with few votes, and in bootstrap resamples.
public enum Prior: Sendable, Equatable {
    /// `count` virtual battles per model, half won and half lost, against a reference at logit 0.
    case virtualTies(Double)
    /// An L2 (Gaussian) penalty `precision/2 · θ²` on each model's logit.
    case gaussian(precision: Double)
    /// No penalty: the plain maximum-likelihood estimate (ratings then average exactly 0 in logits).
    case none

    /// One virtual tie per model.
    public static let `default` = Prior.virtualTies(1)

    /// The penalty fschat 0.2.36's `compute_elo_mle_with_tie` applies through scikit-learn's
    /// `LogisticRegression(C:)` (default `C = 1`): each battle enters twice with features `±ln 10`,
    /// so the penalty `‖β‖²/2` on `β = θ/ln 10` equals `θ²/(4·C·ln²10)` per model per battle-pair.
    public static func fastChat(C: Double = 1) -> Prior {
        .gaussian(precision: 1 / (2 * C * log(10) * log(10)))
    }

    /// Penalty, its first and second derivative at logit `theta` for the logistic (BT) family.
    /// Returned as (value to subtract, gradient to subtract, curvature to add to −Hessian).
    func logisticTerms(_ theta: Double) -> (penalty: Double, slope: Double, curvature: Double) {
        switch self {
        case .virtualTies(let count):
            let p = Logistic.sigmoid(theta)
            return (count * Logistic.logTwoCosh(theta / 2), count * (p - 0.5), count * p * (1 - p))
        case .gaussian(let precision):
            return (0.5 * precision * theta * theta, precision * theta, precision)
        case .none:
            return (0, 0, 0)
        }
    }

    func validate() throws(RankingError) {
        switch self {
        case .virtualTies(let count) where !(count > 0 && count.isFinite),
             .gaussian(let count) where !(count > 0 && count.isFinite):
            throw RankingError(.invalidArgument, "prior strength must be positive and finite")
        default:
            return
        }
    }
}
