extension RankedBattleCounts {
    /// The same counts with the patterns in one fixed order (groups, then unranked models, then
    /// all-bad, compared as lists), so the same battles give the same fit and the same
    /// bootstrap draws whatever order they were read in — one by one in time, or as tallies.
    public func canonicallyOrdered() -> RankedBattleCounts {
        let order = patterns.indices.sorted { Self.precedes(patterns[$0], patterns[$1]) }
        return RankedBattleCounts(modelCount: modelCount, patterns: order.map { patterns[$0] }, counts: order.map { counts[$0] })
    }

    static func precedes(_ a: RankedBattle, _ b: RankedBattle) -> Bool {
        if a.groups != b.groups {
            return a.groups.lexicographicallyPrecedes(b.groups) { $0.lexicographicallyPrecedes($1) }
        }
        if a.unranked != b.unranked { return a.unranked.lexicographicallyPrecedes(b.unranked) }
        return !a.allBad && b.allBad
    }
}
