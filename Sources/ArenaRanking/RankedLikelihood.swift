import Foundation

/// The log-likelihood of aggregated ranked battles, compiled once into the only two shapes both
/// tie models need: a linear part `b·x` and a weighted sum of log-sum-exps of linear forms,
///
///     ℓ(x) = b·x − Σ_t W_t · log Σ_{a ∈ atoms(t)} exp(v_a·x)  (− the prior),
///
/// with `x` = the active models' logits followed by `log δ_s` for each fitted tie size `s`.
/// Each pattern adds `count ×` its own linear part and term weights, so identical sets of
/// remaining models (the same `log Σ α` in many battles) are evaluated once per iteration, and a
/// bootstrap round only recomputes `b` and `W` from new counts.
///
/// Half-win ties (`.halfWins`): for a group G of size k chosen from the remaining set R, the
/// average over the k! orderings of G of the Plackett–Luce log-likelihood is
/// `Σθ_G − Σ_{m=1..k} mean_{U⊆G, |U|=m} log(Σ_{R∖G} α + Σ_U α)`: a uniformly random ordering
/// leaves a uniformly random m-subset of G still to be chosen. Davidson–Luce (`.davidson`):
/// `log f(G) − log Σ_{S⊆R, |S| ∈ {1} ∪ sizes} f(S)`, `log f(S) = log δ_|S| + mean_{i∈S} θ_i`.
/// Both are concave (linear minus log-sum-exp of linear), so Newton from anywhere converges.
///
/// Traps: a group larger than `maxGroup` (or, for Davidson–Luce, a battle larger than it) is
/// refused: the subsets are enumerated. Prior terms carry fixed weights that no count scales.
struct RankedLikelihood {
    struct Atom {
        var indices: [Int]
        var coefficients: [Double]
    }

    struct Term {
        var atoms: [Atom]
        var support: [Int]
    }

    static let maxGroup = 16

    /// Logits of active models, then one `log δ` per tie size (Davidson–Luce only).
    let dimension: Int
    let modelDimension: Int
    private(set) var terms: [Term] = []
    /// Per pattern: sparse linear part and (term, weight) pairs, before multiplying by counts.
    private var patternLinear: [[(Int, Double)]] = []
    private var patternTerms: [[(Int, Double)]] = []
    /// Fixed-weight prior terms (weight per term index, 0 for data terms).
    private(set) var priorWeights: [Double] = []
    let precision: Double
    let gauge: Bool

    init(patterns: [RankedBattle], position: [Int], activeCount m: Int, ties: PlackettLuce.Ties,
         tieSizes: [Int], prior: Prior) throws(RankingError) {
        let sizes = ties == .davidson ? tieSizes : []
        modelDimension = m
        dimension = m + sizes.count
        precision = { if case .gaussian(let p) = prior { p } else { 0 } }()
        gauge = prior == .none
        var index: [[Int]: Int] = [:]
        func tau(_ size: Int) -> Int { m + sizes.firstIndex(of: size)! }

        func term(_ key: [Int], build: () -> [Atom]) -> Int {
            if let k = index[key] { return k }
            let atoms = build()
            index[key] = terms.count
            terms.append(Term(atoms: atoms, support: Array(Set(atoms.flatMap(\.indices))).sorted()))
            return terms.count - 1
        }

        for pattern in patterns {
            // A tie size the sample lacks belongs to a pattern no battle of it has (a bootstrap
            // round that drew none): it adds nothing, and there is no τ for it.
            if ties == .davidson, pattern.groups.contains(where: { $0.count >= 2 && !sizes.contains($0.count) }) {
                patternLinear.append([])
                patternTerms.append([])
                continue
            }
            var linear: [Int: Double] = [:]
            var weights: [(Int, Double)] = []
            var remaining = pattern.models.map { position[$0] }
            for rawGroup in pattern.groups {
                guard remaining.count > 1 else { break }
                let group = rawGroup.map { position[$0] }
                let k = group.count
                guard k <= Self.maxGroup, ties == .halfWins || remaining.count <= Self.maxGroup else {
                    throw RankingError(.invalidArgument, "at most \(Self.maxGroup) tied seats per group")
                }
                let rest = remaining.filter { !group.contains($0) }
                switch ties {
                case .halfWins:
                    for i in group { linear[i, default: 0] += 1 }
                    for size in 1...k {
                        let w = 1 / Self.binomial(k, size)
                        for subset in Self.subsets(of: group, size: size) {
                            let set = (rest + subset).sorted()
                            if set.count == 1 { linear[set[0], default: 0] -= w; continue }
                            weights.append((term(set) { set.map { Atom(indices: [$0], coefficients: [1]) } }, w))
                        }
                    }
                case .davidson:
                    for i in group { linear[i, default: 0] += 1 / Double(k) }
                    if k >= 2 { linear[tau(k), default: 0] += 1 }
                    let set = remaining.sorted()
                    weights.append((term(set) {
                        var atoms: [Atom] = []
                        for size in [1] + sizes where size <= set.count {
                            for subset in Self.subsets(of: set, size: size) {
                                let c = 1 / Double(size)
                                atoms.append(size == 1
                                    ? Atom(indices: subset, coefficients: [1])
                                    : Atom(indices: subset + [tau(size)],
                                           coefficients: Array(repeating: c, count: size) + [1]))
                            }
                        }
                        return atoms
                    }, 1))
                }
                remaining = rest
            }
            patternLinear.append(linear.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            patternTerms.append(weights)
        }
        priorWeights = Array(repeating: 0, count: terms.count)
        if case .virtualTies(let c) = prior {
            // One virtual split decision per model against a reference at 0, scored by the
            // model in use: −c·log(2cosh(θ/2)) (+ δ₂ inside the log for Davidson–Luce, exactly
            // Davidson's prior); each larger tie size gets −c·log(2cosh(log δ_s / 2)).
            for i in 0..<m {
                var atoms = [Atom(indices: [i], coefficients: [0.5]), Atom(indices: [i], coefficients: [-0.5])]
                if sizes.contains(2) { atoms.append(Atom(indices: [tau(2)], coefficients: [1])) }
                terms.append(Term(atoms: atoms, support: sizes.contains(2) ? [i, tau(2)] : [i]))
                priorWeights.append(c)
            }
            for size in sizes where size >= 3 {
                let t = tau(size)
                terms.append(Term(atoms: [Atom(indices: [t], coefficients: [0.5]), Atom(indices: [t], coefficients: [-0.5])],
                                  support: [t]))
                priorWeights.append(c)
            }
        }
    }

    /// Linear coefficients and data term weights for these pattern counts.
    func weights(counts: [Double]) -> (linear: [Double], terms: [Double]) {
        var linear = Array(repeating: 0.0, count: dimension)
        var w = Array(repeating: 0.0, count: terms.count)
        for (p, count) in counts.enumerated() where count > 0 {
            for (i, c) in patternLinear[p] { linear[i] += count * c }
            for (t, c) in patternTerms[p] { w[t] += count * c }
        }
        return (linear, w)
    }

    /// Objective; with `withPrior == false` the data log-likelihood alone (for the information).
    /// Fills gradient `g` and negative Hessian `h` (row-major) when given.
    func evaluate(_ x: [Double], linear: [Double], weights: [Double], withPrior: Bool = true,
                  gradient g: UnsafeMutableBufferPointer<Double>?, negHessian h: UnsafeMutableBufferPointer<Double>?) -> Double {
        let n = dimension
        var f = 0.0
        for i in 0..<n where linear[i] != 0 {
            f += linear[i] * x[i]
            g?[i] += linear[i]
        }
        var mu = Array(repeating: 0.0, count: n)
        var values: [Double] = []
        for (t, term) in terms.enumerated() {
            let w = weights.count > t ? weights[t] + (withPrior ? priorWeights[t] : 0) : (withPrior ? priorWeights[t] : 0)
            guard w != 0 else { continue }
            values.removeAll(keepingCapacity: true)
            var top = -Double.infinity
            for atom in term.atoms {
                var a = 0.0
                for (k, i) in atom.indices.enumerated() { a += atom.coefficients[k] * x[i] }
                values.append(a)
                top = max(top, a)
            }
            var sum = 0.0
            for k in values.indices { values[k] = exp(values[k] - top); sum += values[k] }
            f -= w * (top + log(sum))
            guard let g else { continue }
            for i in term.support { mu[i] = 0 }
            for (k, atom) in term.atoms.enumerated() {
                let q = values[k] / sum
                for (e, i) in atom.indices.enumerated() { mu[i] += q * atom.coefficients[e] }
                if let h {
                    let wq = w * q
                    for (e, i) in atom.indices.enumerated() {
                        let ci = wq * atom.coefficients[e]
                        for (d, j) in atom.indices.enumerated() { h[i * n + j] += ci * atom.coefficients[d] }
                    }
                }
            }
            for i in term.support {
                g[i] -= w * mu[i]
                if let h { for j in term.support { h[i * n + j] -= w * mu[i] * mu[j] } }
            }
        }
        guard withPrior else { return f }
        var sum = 0.0
        for i in 0..<modelDimension {
            if precision > 0 {
                f -= 0.5 * precision * x[i] * x[i]
                g?[i] -= precision * x[i]
                h?[i * n + i] += precision
            }
            sum += x[i]
        }
        if gauge {
            f -= 0.5 * sum * sum
            for i in 0..<modelDimension {
                g?[i] -= sum
                if let h { for j in 0..<modelDimension { h[i * n + j] += 1 } }
            }
        }
        return f
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        var r = 1.0
        for i in 0..<k { r = r * Double(n - i) / Double(i + 1) }
        return r
    }

    /// All `size`-subsets of `items`, in lexicographic order of positions.
    static func subsets(of items: [Int], size: Int) -> [[Int]] {
        guard size <= items.count else { return [] }
        var result: [[Int]] = []
        var chosen: [Int] = []
        func walk(_ start: Int) {
            if chosen.count == size { result.append(chosen.map { items[$0] }); return }
            let needed = size - chosen.count
            guard start <= items.count - needed else { return }
            for i in start...(items.count - needed) {
                chosen.append(i)
                walk(i + 1)
                chosen.removeLast()
            }
        }
        walk(0)
        return result
    }
}
