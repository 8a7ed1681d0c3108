/// Verdicts pooled over seat order, one entry per unordered pair that met: the form every
/// count-based fit iterates over. Ties and both-bad are merged (`ties`), as every rating method
/// treats them alike. Counts are `Double` so the bootstrap can refill them in place.
struct PairTable: Sendable {
    let modelCount: Int
    var first: [Int] = []
    var second: [Int] = []
    /// Decisive wins of `first` over `second`.
    var winsFirst: [Double] = []
    /// Decisive wins of `second` over `first`.
    var winsSecond: [Double] = []
    /// Ties plus both-bad.
    var ties: [Double] = []

    init(counts: ComparisonCounts) {
        modelCount = counts.modelCount
        for i in 0..<modelCount {
            for j in (i + 1)..<max(modelCount, i + 1) {
                let w = counts.wins(of: i, over: j), l = counts.wins(of: j, over: i)
                let t = counts.ties(between: i, and: j) + counts.bothBad(between: i, and: j)
                guard w + l + t > 0 else { continue }
                first.append(i)
                second.append(j)
                winsFirst.append(Double(w))
                winsSecond.append(Double(l))
                ties.append(Double(t))
            }
        }
    }

    var pairCount: Int { first.count }

    /// Whether each model has at least one battle in the table.
    var played: [Bool] {
        var played = Array(repeating: false, count: modelCount)
        for k in 0..<pairCount where winsFirst[k] + winsSecond[k] + ties[k] > 0 {
            played[first[k]] = true
            played[second[k]] = true
        }
        return played
    }

    var totalTies: Double { ties.reduce(0, +) }
    var totalDecisive: Double { winsFirst.reduce(0, +) + winsSecond.reduce(0, +) }

    /// True when the played models form one strongly connected "beat or tied" graph — the
    /// condition (Zermelo 1929, Ford 1957) for finite maximum-likelihood ratings. A tie links both
    /// ways; a decisive win links winner → loser.
    /// `active` lists the models that must be rated (default: those that played).
    func mleExists(active: [Bool]? = nil) -> Bool {
        let included = active ?? played
        let nodes = (0..<modelCount).filter { included[$0] }
        guard let start = nodes.first else { return false }
        var forward = Array(repeating: [Int](), count: modelCount)
        var backward = forward
        for k in 0..<pairCount {
            let i = first[k], j = second[k]
            if winsFirst[k] + ties[k] > 0 { forward[i].append(j); backward[j].append(i) }
            if winsSecond[k] + ties[k] > 0 { forward[j].append(i); backward[i].append(j) }
        }
        func reachesAll(_ edges: [[Int]]) -> Bool {
            var seen = Array(repeating: false, count: modelCount)
            var stack = [start]
            seen[start] = true
            while let node = stack.popLast() {
                for next in edges[node] where !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
            return nodes.allSatisfy { seen[$0] }
        }
        return reachesAll(forward) && reachesAll(backward)
    }
}
