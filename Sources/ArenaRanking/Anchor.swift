import Foundation

/// Where the rating scale sits: the fitted logits say only how far apart models are.
///
/// ```swift
/// .mean(1000)                          // default: models that played average 1000
/// .model(index, rating: 1114)          // pin one model, as FastChat pins mixtral-8x7b at 1114
/// ```
///
/// Ratings are `RatingScale.pointsPerLogit · θ + offset` (400·log10 scale: a 400-point gap means
/// 10:1 odds). Traps: a pinned model has a zero-width bootstrap interval by construction (every
/// replicate is pinned too) and all other intervals then measure distance from it; with `.mean`
/// every interval is relative to the field's average. Models with no battles are left out of the
/// mean.
public enum Anchor: Sendable, Equatable {
    /// The models that played average this rating.
    case mean(Double)
    /// This model gets exactly this rating.
    case model(Int, rating: Double)

    public static let `default` = Anchor.mean(1000)

    func validate(modelCount: Int) throws(RankingError) {
        if case .model(let index, _) = self { try RankingError.checkModel(index, modelCount: modelCount) }
    }

    /// Maps logits to anchored ratings. `played[i]` says whether model `i` enters the mean.
    func ratings(fromLogits logits: [Double], played: [Bool]) -> [Double] {
        shifted(logits.map { $0 * RatingScale.pointsPerLogit }, played: played)
    }

    /// Shifts ratings already on the display scale so the anchor holds.
    func shifted(_ points: [Double], played: [Bool]) -> [Double] {
        let offset: Double
        switch self {
        case .mean(let target):
            var sum = 0.0, count = 0
            for (i, p) in points.enumerated() where played[i] {
                sum += p
                count += 1
            }
            offset = target - (count > 0 ? sum / Double(count) : 0)
        case .model(let index, let rating):
            offset = rating - points[index]
        }
        return points.map { $0 + offset }
    }
}

/// The Elo-like display scale.
public enum RatingScale {
    /// Rating points per natural-log odds unit: `400 / ln 10 ≈ 173.72`.
    public static let pointsPerLogit = 400 / log(10.0)

    /// Probability that a model rated `rating` beats one rated `opponent` (decisive battles).
    public static func winProbability(_ rating: Double, over opponent: Double) -> Double {
        1 / (1 + pow(10, (opponent - rating) / 400))
    }
}
