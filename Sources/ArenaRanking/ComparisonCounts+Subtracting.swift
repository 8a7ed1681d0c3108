/// Removing one part of the verdicts from a table: what leave-one-out analyses need without
/// re-aggregating every battle.
///
/// ```swift
/// let everyone = try ComparisonCounts(modelCount: n, comparisons: all)
/// let ana = try ComparisonCounts(modelCount: n, comparisons: anasVotes)
/// let others = try everyone.subtracting(ana)          // as if ana had never voted
/// ```
///
/// Costs O(models²), independent of the number of battles. Traps: throws `invalidArgument` when
/// the model counts differ or `part` is not contained in the table (some cell would go negative).
extension ComparisonCounts {
    public func subtracting(_ part: ComparisonCounts) throws(RankingError) -> ComparisonCounts {
        guard part.modelCount == modelCount else {
            throw RankingError(.invalidArgument, "model counts differ: \(modelCount) and \(part.modelCount)")
        }
        var result = ComparisonCounts(modelCount: modelCount)
        for a in 0..<modelCount {
            for b in 0..<modelCount where a != b {
                for outcome in PairOutcome.allCases {
                    let left = count(outcome, a: a, b: b) - part.count(outcome, a: a, b: b)
                    guard left >= 0 else {
                        throw RankingError(.invalidArgument, "cannot remove \(outcome) verdicts of \(a) vs \(b) that are not there")
                    }
                    if left > 0 { try result.add(outcome, a: a, b: b, times: left) }
                }
            }
        }
        return result
    }
}
