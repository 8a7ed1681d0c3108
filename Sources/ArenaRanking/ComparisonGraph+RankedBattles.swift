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
        let n = counts.modelCount
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var played = Array(repeating: false, count: n)
        for (k, pattern) in counts.patterns.enumerated() where counts.counts[k] > 0 {
            let models = pattern.models
            for model in models { played[model] = true }
            for model in models.dropFirst() {
                let (a, b) = (root(models[0]), root(model))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int: [Int]] = [:]
        for model in 0..<n where played[model] { members[root(model), default: []].append(model) }
        let groups = members.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var component = [Int?](repeating: nil, count: n)
        for (index, group) in groups.enumerated() {
            for model in group { component[model] = index }
        }
        self.component = component
        componentCount = groups.count
    }
}
