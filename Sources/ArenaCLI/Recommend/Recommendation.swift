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
        /// Suite prompts this model has at least one good answer to.
        var answeredPrompts: Int
        /// Prompts with a pair still waiting in `arena judge` that would add to an undecided bar.
        var waitingPrompts: Int
        var rating: LeaderboardRow?
        var bars: [BarResult]
        var status: BarResult.Status
    }

    var rows: [Row]
    var bars: [AdequacyBar]
    var cheapest: Row?
    /// Prompts in the suite.
    var suitePrompts: Int
    /// Each model's share of the error budget: every printed decision holds jointly at 1 − 0.05.
    var alpha: Double
    /// Models whose decisions share the budget (the references of head-to-head bars are not judged).
    var judgedModels: Int

    init(suite: PromptSuite, models: [ModelConfig], answers: [RunAnswer], marks: [AdequacyMark],
         battles: [StoredBattle], bars: [AdequacyBar], pending: [JudgeQueue.Item] = [], seed: UInt64) {
        self.bars = bars
        let suiteBattles = battles.filter { $0.battle.origin?.suite == suite.name }
        let data = RankingData(battles: suiteBattles, filter: .init())
        let ranking = try? LeaderboardComputation(data: data, options: .init(rounds: 300, seed: seed))
        let names = Array(Set(answers.map(\.key.model))).sorted()
        // Every claim printed holds jointly: α = 0.05 split over the models judged.
        let references = Set(bars.compactMap(\.reference))
        let judgedModels = max(names.filter { !references.contains($0) }.count, 1)
        let alpha = 0.05 / Double(judgedModels)
        self.alpha = alpha
        self.judgedModels = judgedModels
        suitePrompts = suite.prompts.count
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
            let results = bars.map { Self.evaluate($0, model: name, marks: marks, battles: suiteBattles, alpha: alpha, seed: seed) }
            var waiting = Set<String>()
            for (bar, result) in zip(bars, results) where result.status == .undecided {
                for item in pending {
                    let pair = [item.first.key.model, item.second.key.model]
                    guard pair.contains(name), bar.reference.map(pair.contains) ?? true else { continue }
                    waiting.insert(item.origin.promptID)
                }
            }
            let status: BarResult.Status
            if results.contains(where: { $0.status == .reference }) { status = .reference }
            else if results.contains(where: { $0.status == .notAdequate }) { status = .notAdequate }
            else if results.contains(where: { $0.status == .undecided }) { status = .undecided }
            else { status = .adequate }
            return Row(model: name, costPerThousand: cost,
                       medianFirstTokenMs: RunSummary.median(good.compactMap(\.answer.metrics.ttftMs)),
                       medianTotalMs: RunSummary.median(good.compactMap(\.answer.metrics.durationMs)),
                       answers: good.count, answeredPrompts: Set(good.map(\.key.promptID)).count,
                       waitingPrompts: waiting.count, rating: ratingRow, bars: results, status: status)
        }
        rows.sort { ($0.costPerThousand ?? .infinity, $0.model) < ($1.costPerThousand ?? .infinity, $1.model) }
        // Never the reference of a head-to-head bar: the question is what could replace it.
        cheapest = rows.first { $0.status == .adequate && $0.costPerThousand != nil }
            ?? rows.first { $0.status == .adequate }
    }

    /// Judgements for one bar, in the order they were made, one cluster per prompt. Win rates
    /// count ties and both-bad as half (LMArena), skip leaked battles, answers that cannot win and
    /// non-blind or skipped verdicts, and read every turn's verdict.
    static func evaluate(_ bar: AdequacyBar, model: String, marks: [AdequacyMark], battles: [StoredBattle],
                         alpha: Double, seed: UInt64) -> BarResult {
        switch bar {
        case .adequateShare(let threshold):
            let mine = marks.filter { $0.key.model == model }.sorted { $0.createdAt < $1.createdAt }
            return BarResult.decide(mine.map { .init(cluster: $0.key.promptID, value: $0.adequate ? 1 : 0) },
                                    bar: threshold, alpha: alpha, seed: seed)
        case .winRate(let reference, _), .nonInferior(let reference, _):
            if model == reference { return .reference }
            var judged: [(Date, ClusteredRate.Judgement)] = []
            for stored in battles where stored.battle.blind && !stored.isLeaked {
                let names = stored.battle.seats.map(\.model.name)
                guard let mine = names.firstIndex(of: model), let theirs = names.firstIndex(of: reference),
                      let prompt = stored.battle.origin?.promptID else { continue }
                for (turn, record) in stored.verdicts where record.blind && record.verdict != .skip {
                    guard turn < stored.battle.turns.count else { continue }
                    let answers = stored.battle.turns[turn].answers
                    guard let a = answers.first(where: { $0.seatIndex == mine }), let b = answers.first(where: { $0.seatIndex == theirs }),
                          a.canWin, b.canWin else { continue }
                    let value: Double
                    switch record.verdict.comparison(of: mine, and: theirs) {
                    case .first: value = 1
                    case .second: value = 0
                    case .tie, .bothBad: value = 0.5
                    case nil: continue              // a third seat won: no order between these two
                    }
                    judged.append((record.createdAt, .init(cluster: prompt, value: value)))
                }
            }
            judged.sort { $0.0 < $1.0 }
            return BarResult.decide(judged.map(\.1), bar: bar.threshold, alpha: alpha, seed: seed)
        }
    }

    /// Undecided models that could still turn out cheaper than the pick — all of them when there
    /// is no pick, or when the pick has no price to compare with — with what would decide them.
    var undecidedWorthJudging: [Row] {
        guard let cheapest else { return rows.filter { $0.status == .undecided } }
        guard let limit = cheapest.costPerThousand else { return [] }
        return rows.filter { $0.status == .undecided && ($0.costPerThousand.map { $0 < limit } ?? false) }
    }

    /// Undecided models that might be cheaper than the pick, but a price is missing to tell.
    var undecidedWithoutPrice: [Row] {
        guard let cheapest else { return [] }
        return rows.filter { row in
            row.status == .undecided && (cheapest.costPerThousand == nil || row.costPerThousand == nil)
        }
    }
}
