import ArenaCore
import ArenaRanking
import ArenaStore
import Foundation

/// The cheapest model that is still adequate for a suite, with the evidence for it.
struct Recommendation {
    struct Row {
        var model: String
        /// USD per 1,000 prompts at the config's current prices; nil without a price.
        var costPerThousand: Double?
        var medianFirstTokenMs: Double?
        var medianTotalMs: Double?
        var answers: Int
        var rating: LeaderboardRow?
        var bars: [BarResult]
        var status: BarResult.Status
    }

    var rows: [Row]
    var bars: [AdequacyBar]
    var cheapest: Row?

    init(suite: PromptSuite, models: [ModelConfig], answers: [RunAnswer], marks: [AdequacyMark],
         battles: [StoredBattle], bars: [AdequacyBar], seed: UInt64) {
        self.bars = bars
        let suiteBattles = battles.filter { $0.battle.origin?.suite == suite.name }
        let data = RankingData(battles: suiteBattles, filter: .init())
        let ranking = try? LeaderboardComputation(data: data, options: .init(rounds: 300, seed: seed))
        let names = Array(Set(answers.map(\.key.model))).sorted()
        rows = names.map { name in
            let config = models.first { $0.name == name }
            let good = answers.filter { $0.key.model == name && !$0.isFailure }
            let costs = good.map { answer -> Double? in
                let metrics = answer.answer.metrics
                return CostCalculator.cost(inputTokens: metrics.inputTokens, cachedInputTokens: nil,
                                           outputTokens: metrics.outputTokens, price: config?.price)
            }
            let known = costs.compactMap { $0 }
            let cost = known.isEmpty || known.count < costs.count ? nil : known.reduce(0, +) / Double(known.count) * 1000
            let ratingRow = ranking.flatMap { computation in
                data.models.firstIndex(of: name).flatMap { index in computation.rows.first { $0.model == index } }
            }
            let results = bars.map { Self.evaluate($0, model: name, marks: marks, battles: suiteBattles) }
            let status: BarResult.Status
            if results.contains(where: { $0.status == .notAdequate }) { status = .notAdequate }
            else if results.contains(where: { $0.status == .undecided }) { status = .undecided }
            else { status = .adequate }
            return Row(model: name, costPerThousand: cost,
                       medianFirstTokenMs: RunSummary.median(good.compactMap(\.answer.metrics.ttftMs)),
                       medianTotalMs: RunSummary.median(good.compactMap(\.answer.metrics.durationMs)),
                       answers: good.count, rating: ratingRow, bars: results, status: status)
        }
        rows.sort { ($0.costPerThousand ?? .infinity, $0.model) < ($1.costPerThousand ?? .infinity, $1.model) }
        cheapest = rows.first { $0.status == .adequate && $0.costPerThousand != nil }
            ?? rows.first { $0.status == .adequate }
    }

    static func evaluate(_ bar: AdequacyBar, model: String, marks: [AdequacyMark], battles: [StoredBattle]) -> BarResult {
        switch bar {
        case .adequateShare(let threshold):
            let mine = marks.filter { $0.key.model == model }
            return BarResult.decide(successes: mine.filter(\.adequate).count, trials: mine.count, bar: threshold)
        case .winRate(let reference, let threshold):
            if model == reference { return BarResult(successes: 0, trials: 0, interval: nil, status: .reference, needed: nil) }
            var wins = 0, trials = 0
            for stored in battles {
                let names = stored.battle.seats.map(\.model.name)
                guard names.contains(model), names.contains(reference), stored.battle.blind,
                      let record = stored.verdicts[0], record.blind, record.verdict != .skip else { continue }
                trials += 1
                switch record.verdict {
                case .seat(let index): if names[index] == model { wins += 1 }
                case .tie, .bothBad: wins += 1
                case .skip: break
                }
            }
            return BarResult.decide(successes: wins, trials: trials, bar: threshold)
        }
    }

    /// Models that could still turn out cheaper than the pick (or any, if there is none), with
    /// the judgements that would decide them.
    var undecidedWorthJudging: [(model: String, needed: Int?)] {
        let limit = cheapest?.costPerThousand ?? .infinity
        return rows.filter { $0.status == .undecided && ($0.costPerThousand ?? .infinity) <= limit && $0.model != cheapest?.model }
            .map { row in (row.model, row.bars.compactMap(\.needed).max()) }
    }
}
