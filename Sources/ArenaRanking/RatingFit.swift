/// The result of a rating fit: anchored ratings plus what a reader must know to trust them.
///
/// ```swift
/// let fit = try BradleyTerry.fit(counts)
/// fit.ratings[i]                         // e.g. 1043.2
/// fit.flags[i].contains(.undefeated)     // rating rests on the prior
/// ```
///
/// Traps: `logits` are the raw fitted values (natural-log odds, prior reference at 0), not
/// centred; use `ratings` for anything shown. `converged == false` means the iteration cap was hit.
public struct RatingFit: Sendable, Equatable {
    /// Anchored ratings on the 400·log10 scale, one per model index.
    public let ratings: [Double]
    /// Fitted strengths in natural-log odds, before anchoring.
    public let logits: [Double]
    /// Per-model data warnings.
    public let flags: [RatingFlags]
    /// Whether the unpenalised maximum-likelihood estimate exists: true exactly when, for every
    /// split of the played models into two groups, each group won (or tied) at least once against
    /// the other. When false some ratings are finite only because of the prior.
    public let mleExists: Bool
    /// Newton iterations used.
    public let iterations: Int
    /// False if the iteration cap was reached before the step size fell under 1e-10 logits.
    public let converged: Bool
    /// Davidson's tie parameter ν (`nil` for Bradley–Terry). Two equal models tie with
    /// probability `ν / (2 + ν)`.
    public let tieParameter: Double?

    /// Probability that two equal models tie under Davidson's model; `nil` for Bradley–Terry.
    public var equalModelTieProbability: Double? { tieParameter.map { $0 / (2 + $0) } }
}

/// Per-model warnings attached to a fit.
public struct RatingFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Played, won every battle outright (no loss, tie or both-bad): its unpenalised rating is +∞,
    /// the shown one is held finite by the prior.
    public static let undefeated = RatingFlags(rawValue: 1 << 0)
    /// Played, lost every battle outright: unpenalised rating −∞, held finite by the prior.
    public static let winless = RatingFlags(rawValue: 1 << 1)
    /// Never played: its rating is the prior's reference point, not a measurement.
    public static let unplayed = RatingFlags(rawValue: 1 << 2)

    /// Flags for every model from the counts.
    static func of(_ counts: ComparisonCounts) -> [RatingFlags] {
        (0..<counts.modelCount).map { model in
            let r = counts.record(of: model)
            if r.battles == 0 { return .unplayed }
            var flags: RatingFlags = []
            if r.losses == 0, r.ties == 0, r.bothBad == 0 { flags.insert(.undefeated) }
            if r.wins == 0, r.ties == 0, r.bothBad == 0 { flags.insert(.winless) }
            return flags
        }
    }
}

/// Settings shared by the count-based fits.
public struct FitOptions: Sendable, Equatable {
    public var prior: Prior
    public var anchor: Anchor
    /// Newton iteration cap; 100 is far more than the ~5–10 a fit takes.
    public var maxIterations: Int

    public init(prior: Prior = .default, anchor: Anchor = .default, maxIterations: Int = 100) {
        self.prior = prior
        self.anchor = anchor
        self.maxIterations = maxIterations
    }
}
