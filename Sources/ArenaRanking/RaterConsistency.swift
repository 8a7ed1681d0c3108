/// A flag per rater from `RaterAgreement`: do their decisive votes follow the ranking everyone
/// else produced, ignore it, or oppose it?
///
/// ```swift
/// let report = try RaterAgreement.analyze(votes, modelCount: names.count)
/// for r in report where r.consistency != .consistent { print(r.rater, r.consistency) }
/// let strict = RaterConsistency.Criteria(minimumScored: 50, confidentExpectation: 0.65)
/// ```
///
/// The test, on the rater's scored decisive votes (see `RaterAgreement`), with `n` scored votes,
/// `k` agreements, the Wilson interval of `k/n` at `confidence` (95 %) and the expected agreement
/// `E` = mean of max(p, 1 − p) under the leave-this-rater-out Bradley–Terry fit:
///
/// 1. `.tooFewVotes` when `n < minimumScored` (20): nothing else is judged.
/// 2. `.adversarial` when the interval's upper bound is below 0.5: the rater picks the model the
///    others rank lower more often than not, beyond chance.
/// 3. `.random` when the interval contains 0.5 and `E ≥ confidentExpectation` (0.6): the others'
///    ranking makes confident predictions on exactly these pairs and the rater's votes look like
///    coin flips against them.
/// 4. `.consistent` otherwise. This means "not flagged", not "proved reliable": when `E` is
///    below 0.6 (the others cannot tell these pairs apart either) a coin-flipping rater passes.
///
/// It is a one-sample binomial test of "agreement = ½" read through the Wilson interval (reject at
/// the 5 % level when 0.5 lies outside), with a power condition (`E`) before calling a rater random.
/// Traps: a truly random rater is still called `.random` only about 95 % of the time (2.5 % each
/// side lands outside the interval); and the flag measures agreement with the *others*, so a
/// minority with genuinely different taste — or the one rater who is right — is flagged too.
/// It is a prompt to look at the votes, not a verdict on the rater.
public enum RaterConsistency: String, Sendable, Hashable, CaseIterable, Codable {
    /// Agreement with the others' ranking is above chance, or the data cannot tell.
    case consistent
    /// Agreement is indistinguishable from ½ although the others' ranking is confident.
    case random
    /// Agreement is significantly below ½: the rater systematically prefers the model the others rank lower.
    case adversarial
    /// Fewer than `Criteria.minimumScored` scored decisive votes.
    case tooFewVotes

    /// Thresholds of the test.
    public struct Criteria: Sendable, Equatable {
        /// Scored decisive votes needed before any other flag is given.
        public var minimumScored: Int
        /// Level of the Wilson interval around the agreement rate.
        public var confidence: Double
        /// Expected agreement under the others' ranking from which a chance-level rater is `.random`.
        public var confidentExpectation: Double

        public init(minimumScored: Int = 20, confidence: Double = 0.95, confidentExpectation: Double = 0.6) {
            self.minimumScored = minimumScored
            self.confidence = confidence
            self.confidentExpectation = confidentExpectation
        }

        public static let `default` = Criteria()
    }

    /// The flag for `agreements` out of `scored` decisive votes when the others' ranking expected
    /// `expectedAgreement` (nil: nothing scored).
    public static func classify(agreements: Int, scored: Int, expectedAgreement: Double?,
                                criteria: Criteria = .default) -> RaterConsistency {
        guard scored >= max(criteria.minimumScored, 1), let expected = expectedAgreement else { return .tooFewVotes }
        let interval = WilsonInterval(successes: agreements, trials: scored, confidence: criteria.confidence)
        if interval.upper < 0.5 { return .adversarial }
        if interval.contains(0.5), expected >= criteria.confidentExpectation { return .random }
        return .consistent
    }
}
