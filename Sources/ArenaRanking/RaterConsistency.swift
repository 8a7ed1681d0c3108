/// A flag per rater from `RaterAgreement`: do their decisive votes follow the ranking everyone
/// else produced, fall short of it as if partly random, or oppose it?
///
/// ```swift
/// let report = try RaterAgreement.analyze(votes, modelCount: names.count)
/// for r in report where r.consistency != .consistent { print(r.rater, r.consistency) }
/// let strict = RaterConsistency.Criteria(minimumScored: 50, honestShare: 0.8)
/// ```
///
/// The test, on the rater's scored decisive votes (see `RaterAgreement`), with `n` scored votes,
/// `k` agreements, the Wilson interval of `k/n` at `confidence` (95 %), the expected agreement
/// `E` = mean of max(p, 1 − p) under the leave-this-rater-out Bradley–Terry fit, and `v` the
/// others' votes per model behind that fit (`RaterAgreement.othersVotesPerModel`):
///
/// 1. `.tooFewVotes` when `n < minimumScored` (20): nothing else is judged.
/// 2. `.adversarial` when the interval's upper bound is below 0.5: the rater picks the model the
///    others rank lower more often than not, beyond chance.
/// 3. `.random` when `v ≥ minimumOthersVotesPerModel` (20) and the upper bound is below
///    `T = ½ + honestShare·(E − ½)` with `honestShare` = 0.7: `T` is the agreement of a rater who
///    votes as the others' model predicts 70 % of the time and flips a coin otherwise, so the
///    rater's votes fall short of `E` by more than 30 % random votes would explain.
/// 4. `.consistent` otherwise. This means "not flagged", not "proved reliable".
///
/// It is a one-sided binomial test (2.5 % level, read off the Wilson interval) of "agreement ≥ T"
/// against the shortfall a partly random rater shows. Why not `E` itself: the others' fit is
/// shrunk by ties and by noisy or opposing raters among them, so `E` usually sits *below* what
/// an honest rater reaches (that slack protects honest raters and costs power), but a fit on few
/// votes over-fits, and then `E` sits *above* it; `honestShare` < 1 and the `v` condition keep
/// that case from flagging honest raters. Where the others cannot tell the models apart (`E`
/// near ½) `T` is near ½ and nobody is called random: the test has no power there, by itself.
///
/// Measured by simulation (200 seeds per setting, 8 models 75 points apart, Davidson ties, the
/// setups of RaterConsistencyTests): with 4 honest raters and one who votes at random 70 % of the
/// time, 1,200 votes each, the 70 %-random rater is `.random` on 200 of 200 seeds (176 of 200 at
/// 300 votes each; 192 of 200 with a fully random rater among the others) and the honest raters
/// on 0 of 800 rater-runs. Honest raters across teams of 2–5 with 30–100 votes each: at most 2 of
/// 1,000 rater-runs flagged. A rater with 2,000 honest votes judged against one other with 100
/// (v ≈ 25): 0 of 200; against one with 40 (v ≈ 10) the `v` condition withholds the flag, which
/// would otherwise fall on 19 of 200 seeds (76 of 200 against 20 votes). A fully random rater in
/// the six-rater team of RaterAgreementTests: `.random` 190, `.adversarial` 10 of 200.
/// Traps: a fully random rater is called `.adversarial` when its agreement lands in the low tail
/// (≈ 2.5–5 % of the time); with opposing raters among the others `E` shrinks (≈ 0.61 with a
/// random and an adversarial rater among them) and a 70 %-random rater mostly passes (flagged on
/// 6 of 100 seeds); in a team that can barely tell the models apart (25 points apart) it is
/// flagged on about 2 seeds in 3; a rater judged
/// against fewer than `minimumOthersVotesPerModel` votes per model is never called random, however
/// many votes they cast. The flag measures agreement with the *others*, so a minority with
/// genuinely different taste — or the one rater who is right — is flagged too. It is a prompt to
/// look at the votes, not a verdict on the rater.
public enum RaterConsistency: String, Sendable, Hashable, CaseIterable, Codable {
    /// Agreement with the others' ranking is as high as an (at least mostly) honest rater's, or the data cannot tell.
    case consistent
    /// Agreement falls short of the others' expectation by more than `1 − honestShare` random votes explain.
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
        /// The share of honest votes (the rest coin flips) whose expected agreement is the bar:
        /// `.random` when agreement is significantly below `½ + honestShare·(E − ½)`. In (0, 1];
        /// higher flags more (and more honest raters when `E` is over-confident).
        public var honestShare: Double
        /// The others' votes per model needed before anyone is called `.random`: below it their
        /// fit over-fits and `E` overstates what honest raters reach.
        public var minimumOthersVotesPerModel: Double

        public init(minimumScored: Int = 20, confidence: Double = 0.95, honestShare: Double = 0.7,
                    minimumOthersVotesPerModel: Double = 20) {
            self.minimumScored = minimumScored
            self.confidence = confidence
            self.honestShare = honestShare
            self.minimumOthersVotesPerModel = minimumOthersVotesPerModel
        }

        public static let `default` = Criteria()
    }

    /// The agreement rate below which (significantly) a rater is `.random`, for expected agreement `E`.
    public static func randomThreshold(expectedAgreement: Double, criteria: Criteria = .default) -> Double {
        0.5 + criteria.honestShare * (expectedAgreement - 0.5)
    }

    /// The flag for `agreements` out of `scored` decisive votes when the others' ranking expected
    /// `expectedAgreement` (nil: nothing scored), fitted on `othersVotesPerModel` votes per model.
    public static func classify(agreements: Int, scored: Int, expectedAgreement: Double?, othersVotesPerModel: Double,
                                criteria: Criteria = .default) -> RaterConsistency {
        guard scored >= max(criteria.minimumScored, 1), let expected = expectedAgreement else { return .tooFewVotes }
        let interval = WilsonInterval(successes: agreements, trials: scored, confidence: criteria.confidence)
        if interval.upper < 0.5 { return .adversarial }
        if othersVotesPerModel >= criteria.minimumOthersVotesPerModel,
           interval.upper < randomThreshold(expectedAgreement: expected, criteria: criteria) { return .random }
        return .consistent
    }
}
