/// Which models can be compared at all: the connected components of the graph whose edges are
/// pairs that met at least once (any verdict).
///
/// ```swift
/// let graph = ComparisonGraph(counts)
/// graph.component[3]                 // 0 (the largest group), 1, … or nil: never played
/// graph.sameComponent(0, 3)          // false: no chain of battles links them
/// graph.componentCount               // 2
/// ```
///
/// Ratings are only comparable inside one component: between two groups that never met, directly
/// or through other models, the data says nothing about which is better, and only the prior puts
/// them on one scale. So no rank, "settled" or votes-needed is ever given across components.
/// Components are numbered by size, largest first; equal sizes by their smallest model index.
/// Traps: connected is weaker than what a finite unpenalised MLE needs (strongly connected
/// "beat or tied" graph, `RatingFit.mleExists`); the prior covers that gap inside a component.
public struct ComparisonGraph: Sendable, Equatable {
    /// Per model: its component, or nil when it never played.
    public let component: [Int?]
    public let componentCount: Int

    public init(_ counts: ComparisonCounts) {
        let n = counts.modelCount
        var links: [[Int]] = []
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) where counts.battles(between: i, and: j) > 0 { links.append([i, j]) }
        }
        self.init(modelCount: n, linking: links)
    }

    /// Every group in `linking` (the models of one battle) is joined into one component; models
    /// in no group never played.
    public init(modelCount n: Int, linking groups: [[Int]]) {
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var played = Array(repeating: false, count: n)
        for models in groups {
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

    /// True when both played and a chain of battles links them.
    public func sameComponent(_ i: Int, _ j: Int) -> Bool {
        guard let a = component[i], let b = component[j] else { return false }
        return a == b
    }

    /// The models of component `index`, in index order.
    public func members(of index: Int) -> [Int] {
        component.indices.filter { component[$0] == index }
    }
}
