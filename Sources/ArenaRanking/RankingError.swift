/// Why a ranking computation refused its input.
///
/// ```swift
/// do { _ = try BradleyTerry.fit(counts, options: .init(prior: .none)) }
/// catch let error { if error.code == .mleDoesNotExist { … } }
/// ```
///
/// A struct over a code, so codes can be added without breaking `switch`es elsewhere.
public struct RankingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let description: String
        private init(_ name: String) { description = name }

        /// A model index is negative or not below the model count.
        public static let modelOutOfRange = Code("modelOutOfRange")
        /// A comparison has the same model in both seats.
        public static let sameModelInBothSeats = Code("sameModelInBothSeats")
        /// Without a prior the maximum-likelihood ratings are infinite or not identified: some group
        /// of models never lost (or never won) against the rest, or the comparison graph is split.
        public static let mleDoesNotExist = Code("mleDoesNotExist")
        /// An argument is outside its documented range (rounds, level, seat, width …).
        public static let invalidArgument = Code("invalidArgument")
        /// The Newton solver met a matrix it could not factor (should not happen with a prior).
        public static let numericalFailure = Code("numericalFailure")
    }

    public let code: Code
    /// Human-readable detail: which model, which argument.
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }

    static func checkModel(_ index: Int, modelCount: Int) throws(RankingError) {
        guard index >= 0, index < modelCount else {
            throw RankingError(.modelOutOfRange, "model \(index) is not in 0..<\(modelCount)")
        }
    }
}
