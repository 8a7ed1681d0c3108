import ArenaCore
import ArenaRanking
import ArenaStore
import Foundation

/// The comparisons still to judge for a suite: pairs of stored answers (different models, same
/// prompt and repeat, neither failed) not judged yet — and which one to show next.
///
/// Order `active` (the default) picks the model pair whose ranking one more vote would settle
/// most (ranking.md, "Choosing the next pair"), then a random prompt among that pair's pending
/// ones; `random` is uniform; `file` follows the suite's prompt order.
struct JudgeQueue {
    enum Order: String, CaseIterable { case active, random, file }

    struct Item: Equatable {
        var origin: BattleOrigin
        /// The two answers, in no particular order (seats are shuffled when shown).
        var first: RunAnswer
        var second: RunAnswer
    }

    private(set) var pending: [Item]
    let models: [String]
    private var counts: ComparisonCounts
    let order: Order
    var judgedCount: Int

    init(suite: PromptSuite, answers: [RunAnswer], judged: [StoredBattle], order: Order, models: [String]? = nil) {
        let usable = answers.filter { !$0.isFailure && (models?.contains($0.key.model) ?? true) }
        let modelNames = Array(Set(usable.map(\.key.model))).sorted()
        self.models = modelNames
        self.order = order
        var done = Set<String>()
        var comparisons: [Comparison] = []
        var judgedCount = 0
        for stored in judged {
            guard let origin = stored.battle.origin, origin.suite == suite.name else { continue }
            let names = stored.battle.seats.map(\.model.name).sorted()
            done.insert(Self.key(origin, names))
            guard let record = stored.verdicts[0], record.verdict != .skip else { continue }
            judgedCount += 1
            guard names.count == 2, let a = modelNames.firstIndex(of: stored.battle.seats[0].model.name),
                  let b = modelNames.firstIndex(of: stored.battle.seats[1].model.name) else { continue }
            let outcome: PairOutcome
            switch record.verdict {
            case .seat(0): outcome = .winA
            case .seat: outcome = .winB
            case .tie: outcome = .tie
            default: outcome = .bothBad
            }
            comparisons.append(Comparison(a: a, b: b, outcome: outcome))
        }
        self.judgedCount = judgedCount
        counts = (try? ComparisonCounts(modelCount: modelNames.count, comparisons: comparisons))
            ?? ComparisonCounts(modelCount: modelNames.count)
        let promptOrder = Dictionary(uniqueKeysWithValues: suite.prompts.enumerated().map { ($0.element.id, $0.offset) })
        let groups = Dictionary(grouping: usable) { BattleOrigin(suite: $0.key.suite, promptID: $0.key.promptID, repeatIndex: $0.key.repeatIndex) }
        var items: [Item] = []
        for (origin, group) in groups {
            let sorted = group.sorted { $0.key.model < $1.key.model }
            for (index, first) in sorted.enumerated() {
                for second in sorted[(index + 1)...] where !done.contains(Self.key(origin, [first.key.model, second.key.model])) {
                    items.append(Item(origin: origin, first: first, second: second))
                }
            }
        }
        pending = items.sorted {
            let left = (promptOrder[$0.origin.promptID] ?? .max, $0.origin.repeatIndex, $0.first.key.model, $0.second.key.model)
            let right = (promptOrder[$1.origin.promptID] ?? .max, $1.origin.repeatIndex, $1.first.key.model, $1.second.key.model)
            return left < right
        }
    }

    static func key(_ origin: BattleOrigin, _ models: [String]) -> String {
        "\(origin.promptID)#\(origin.repeatIndex)#" + models.sorted().joined(separator: "|")
    }

    /// Takes the next comparison off the queue.
    mutating func next(using rng: inout some RandomNumberGenerator, preferFirst: Bool = false) -> Item? {
        guard !pending.isEmpty else { return nil }
        if preferFirst { return pending.removeFirst() }
        let index: Int
        switch order {
        case .file:
            index = 0
        case .random:
            index = Int.random(in: pending.indices, using: &rng)
        case .active:
            let available = Set(pending.map { Self.pairKey($0) })
            let weights = ActiveSampling.weights(counts).filter { weight in
                available.contains(Self.pairKey(models[weight.first], models[weight.second]))
            }
            if let chosen = ActiveSampling.choose(from: weights, using: &rng) {
                let key = Self.pairKey(models[chosen.first], models[chosen.second])
                let candidates = pending.indices.filter { Self.pairKey(pending[$0]) == key }
                index = candidates.randomElement(using: &rng) ?? 0
            } else {
                index = Int.random(in: pending.indices, using: &rng)
            }
        }
        return pending.remove(at: index)
    }

    /// Records a verdict so active sampling sees it (`winner` is the model that won, nil for a tie).
    mutating func record(_ item: Item, winner: String?, bothBad: Bool) {
        guard let a = models.firstIndex(of: item.first.key.model), let b = models.firstIndex(of: item.second.key.model) else { return }
        let outcome: PairOutcome = bothBad ? .bothBad : winner == item.first.key.model ? .winA : winner == item.second.key.model ? .winB : .tie
        try? counts.add(Comparison(a: a, b: b, outcome: outcome))
        judgedCount += 1
    }

    /// Puts an item back at the front (undo).
    mutating func putBack(_ item: Item, judged: Bool) {
        pending.insert(item, at: 0)
        if judged { judgedCount = max(judgedCount - 1, 0) }
    }

    private static func pairKey(_ item: Item) -> String { pairKey(item.first.key.model, item.second.key.model) }
    private static func pairKey(_ a: String, _ b: String) -> String { [a, b].sorted().joined(separator: "|") }
}
