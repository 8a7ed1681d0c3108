extension ComparisonGraph {
    /// The comparison graph of ranked battles: every pair of models that sat in one battle (with
    /// a positive count) is linked, whatever the verdict.
    ///
    /// ```swift
    /// let graph = ComparisonGraph(try RankedBattleCounts(modelCount: 5, battles: battles))
    /// graph.sameComponent(0, 4)
    /// ```
    ///
    /// Traps: same numbering rules as the pairwise initialiser (largest component first).
    public init(_ counts: RankedBattleCounts) {
        let battles = counts.patterns.indices.filter { counts.counts[$0] > 0 }.map { counts.patterns[$0].models }
        self.init(modelCount: counts.modelCount, linking: battles)
    }
}
