/// Ranked battles aggregated into distinct verdict patterns with counts: the sufficient
/// statistics of every Plackett–Luce fit, and the cells the battle bootstrap resamples.
///
/// ```swift
/// let counts = try RankedBattleCounts(modelCount: names.count, battles: rankedBattles)
/// counts.patterns.count      // distinct verdicts (all-bad merged with ties of the same seats)
/// counts.total               // battles
/// ```
///
/// Patterns are kept in order of first appearance, so everything built on them is deterministic.
/// Traps: all-bad battles are merged with ties of the same models here (ratings cannot tell them
/// apart); keep the original battles for records.
public struct RankedBattleCounts: Sendable, Equatable {
    public let modelCount: Int
    /// Distinct rating patterns, first appearance first.
    public let patterns: [RankedBattle]
    /// How many battles had each pattern (whole numbers stored as Double).
    public let counts: [Double]

    public init(modelCount: Int, battles: [RankedBattle]) throws(RankingError) {
        var index: [RankedBattle: Int] = [:]
        var patterns: [RankedBattle] = []
        var counts: [Double] = []
        for battle in battles {
            for model in battle.models { try RankingError.checkModel(model, modelCount: modelCount) }
            let key = battle.ratingPattern
            if let k = index[key] {
                counts[k] += 1
            } else {
                index[key] = patterns.count
                patterns.append(key)
                counts.append(1)
            }
        }
        self.init(modelCount: modelCount, patterns: patterns, counts: counts)
    }

    /// These counts and one more battle (for a look after every vote: O(patterns), no rebuild).
    public func adding(_ battle: RankedBattle) throws(RankingError) -> RankedBattleCounts {
        for model in battle.models { try RankingError.checkModel(model, modelCount: modelCount) }
        let key = battle.ratingPattern
        var counts = counts, patterns = patterns
        if let k = patterns.firstIndex(of: key) {
            counts[k] += 1
        } else {
            patterns.append(key)
            counts.append(1)
        }
        return RankedBattleCounts(modelCount: modelCount, patterns: patterns, counts: counts)
    }

    /// Same patterns, other counts (a bootstrap resample).
    init(modelCount: Int, patterns: [RankedBattle], counts: [Double]) {
        self.modelCount = modelCount
        self.patterns = patterns
        self.counts = counts
    }

    public var total: Double { counts.reduce(0, +) }

    /// Models that appear in a pattern with a positive count.
    public var played: [Bool] {
        var played = Array(repeating: false, count: modelCount)
        for (k, pattern) in patterns.enumerated() where counts[k] > 0 {
            for model in pattern.models { played[model] = true }
        }
        return played
    }

    /// Sizes (≥ 2) of tie groups that occur, ascending.
    public var tieSizes: [Int] {
        var sizes = Set<Int>()
        for (k, pattern) in patterns.enumerated() where counts[k] > 0 {
            for group in pattern.groups where group.count >= 2 { sizes.insert(group.count) }
        }
        return sizes.sorted()
    }

    /// Whether some battle placed one model strictly above another.
    var hasDecisive: Bool {
        patterns.indices.contains { counts[$0] > 0 && (patterns[$0].groups.count > 1 || !patterns[$0].unranked.isEmpty) }
    }

    /// True when the "placed above or tied with" graph of the played models is strongly
    /// connected: the condition for a finite, unique unpenalised fit (Hunter 2004, assumption 1).
    public func mleExists() -> Bool {
        let played = played
        var forward = Array(repeating: Set<Int>(), count: modelCount)
        var backward = Array(repeating: Set<Int>(), count: modelCount)
        func edge(_ a: Int, _ b: Int) { forward[a].insert(b); backward[b].insert(a) }
        for (k, pattern) in patterns.enumerated() where counts[k] > 0 {
            var above: [Int] = []
            for group in pattern.groups {
                for a in above { for b in group { edge(a, b) } }
                for a in group { for b in group where a != b { edge(a, b) } }
                above += group
            }
            for a in above { for b in pattern.unranked { edge(a, b) } }
        }
        guard let start = played.firstIndex(of: true) else { return true }
        func reachesAll(_ graph: [Set<Int>]) -> Bool {
            var seen = Array(repeating: false, count: modelCount)
            var stack = [start]
            seen[start] = true
            while let node = stack.popLast() {
                for next in graph[node] where !seen[next] { seen[next] = true; stack.append(next) }
            }
            return (0..<modelCount).allSatisfy { !played[$0] || seen[$0] }
        }
        return reachesAll(forward) && reachesAll(backward)
    }

    /// Per-model warnings with `RatingFlags`' meaning: undefeated = never placed below another
    /// model and never in a tie group; winless = never placed above another and never tied.
    public var flags: [RatingFlags] {
        var above = Array(repeating: false, count: modelCount)
        var below = Array(repeating: false, count: modelCount)
        var tied = Array(repeating: false, count: modelCount)
        let played = played
        for (k, pattern) in patterns.enumerated() where counts[k] > 0 {
            let ranks = pattern.groups + (pattern.unranked.isEmpty ? [] : [pattern.unranked])
            for (g, group) in ranks.enumerated() {
                for model in group {
                    if g < ranks.count - 1 { above[model] = true }
                    if g > 0 { below[model] = true }
                    if group.count > 1, g < pattern.groups.count { tied[model] = true }
                }
            }
        }
        return (0..<modelCount).map { model in
            guard played[model] else { return .unplayed }
            var flags: RatingFlags = []
            if !below[model], !tied[model] { flags.insert(.undefeated) }
            if !above[model], !tied[model] { flags.insert(.winless) }
            return flags
        }
    }
}
