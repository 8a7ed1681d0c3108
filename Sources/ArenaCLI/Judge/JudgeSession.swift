import ArenaCore
import ArenaStore
import ArenaUI
import Foundation
import Synchronization

/// Judge mode's seams: serves pending comparisons of stored answers (blind, seats shuffled),
/// stores each verdict as a battle linked to its suite prompt, records adequacy marks, and undoes.
final class JudgeSession: Sendable {
    private struct Current {
        var item: JudgeQueue.Item
        var battle: Battle
        var answers: [RunAnswer]  // in seat order
    }

    private struct State {
        var queue: JudgeQueue
        var current: Current?
        var judged: [Current] = []
        var generator: SeededGenerator
    }

    let suite: PromptSuite
    let store: BattleStore
    let config: ArenaConfig
    let rater: String
    private let state: Mutex<State>

    init(suite: PromptSuite, queue: JudgeQueue, store: BattleStore, config: ArenaConfig, rater: String, seed: UInt64) {
        self.suite = suite
        self.store = store
        self.config = config
        self.rater = rater
        state = Mutex(State(queue: queue, generator: SeededGenerator(seed: seed)))
    }

    var pendingCount: Int { state.withLock { $0.queue.pending.count } }

    func environment() throws -> ArenaScreenEnvironment {
        let status: StoreStatus
        do { status = StoreStatus(path: store.path, verdictCount: try store.verdictCount()) } catch { throw CLIFailure(error.description) }
        var environment = ArenaScreenEnvironment(
            store: status,
            newBattle: { [self] in try await BattleStore.onStoreThread { Result { try self.nextBattle() } }.get() },
            // Nothing is streamed: the stored answers arrive with each battle (`storedTurn`).
            runTurn: { _, _ in },
            saveVerdict: { [self] submission in await BattleStore.onStoreThread { self.saveVerdict(submission) } })
        environment.judgeMode = true
        environment.leaderboard = { [self] width in suiteStandings(width: width) }
        environment.markAdequacy = { [self] _, seat, adequate in
            await BattleStore.onStoreThread { self.markAdequacy(seat: seat, adequate: adequate) }
        }
        environment.undo = { [self] in await BattleStore.onStoreThread { self.undo() } }
        return environment
    }

    /// Every comparison of the suite's stored answers is judged: more answers are what would help.
    struct NothingLeft: Error, CustomStringConvertible {
        var judged: Int
        var suite: PromptSuite
        var models: [String]
        var description: String {
            "all \(judged == 1 ? "1 comparison" : "\(judged) comparisons") judged; " + MoreEvidence.moreAnswers(suite, models: models)
        }
    }

    func nextBattle() throws -> BattleSetup {
        try state.withLock { state in
            if let unjudged = state.current {
                state.queue.putBack(unjudged.item, judged: false)
                release(unjudged.item)
            }
            state.current = nil
            // Another judge may hold a comparison, or have judged it since this session began:
            // the claim in the store decides, so no two judges ever get the same one.
            while let item = state.queue.next(using: &state.generator) {
                if try claim(item) { return show(item, in: &state) }
            }
            throw NothingLeft(judged: state.queue.judgedCount, suite: suite, models: state.queue.models)
        }
    }

    private func show(_ item: JudgeQueue.Item, in state: inout State) -> BattleSetup {
        var answers = [item.first, item.second]
        answers.shuffle(using: &state.generator)
        let seats = answers.enumerated().map { index, answer in
            Seat(index: index, model: config.models.first { $0.name == answer.key.model }
                 ?? ModelConfig(name: answer.key.model, provider: answer.provider, baseURL: URL(string: "run://stored")!, model: answer.modelID))
        }
        var battle = Battle(createdAt: Date(), mode: .run, blind: true, systemPrompt: answers[0].conversation.first { $0.role == .system }?.content,
                            seats: seats)
        battle.origin = item.origin
        state.current = Current(item: item, battle: battle, answers: answers)
        let prompt = suite.prompt(id: item.origin.promptID)
        let caption = "\(suite.name) · \(item.origin.promptID)" + (item.origin.repeatIndex > 0 ? " #\(item.origin.repeatIndex + 1)" : "")
            + " · \(state.queue.judgedCount) judged, \(state.queue.pending.count + 1) left"
        let notes = (prompt?.notes).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let text = answers[0].conversation.last { $0.role == .user }?.content ?? prompt?.text ?? item.origin.promptID
        let stored = BattleTurn(index: 0, prompt: text, createdAt: Date(), answers: answers.enumerated().map { seat, stored in
            var answer = stored.answer
            answer.seatIndex = seat
            return answer
        })
        return BattleSetup(battle: battle, caption: caption, notes: notes,
                           hiddenWords: seats.flatMap(\.model.identifyingWords) + answers.map(\.modelID), storedTurn: stored)
    }

    /// Stores the battle the screen judged (the stored answers, loaded into it) with its verdict.
    func saveVerdict(_ submission: VerdictSubmission) -> VerdictReceipt {
        guard var current = state.withLock({ $0.current }), current.battle.id == submission.battle.id else {
            return VerdictReceipt(saveError: "this comparison is no longer current", reveals: [])
        }
        current.battle = submission.battle
        let verdict = submission.verdict
        do {
            try store.save(battle: current.battle, turn: submission.turn)
            try store.save(verdict: VerdictRecord(battleID: current.battle.id, turnIndex: submission.turn, verdict: verdict, rater: rater,
                                                  createdAt: submission.votedAt, blind: true))
        } catch {
            return VerdictReceipt(saveError: error.description, reveals: [])
        }
        try? store.finishClaim(suite: suite.name, item: claimKey(current.item), done: verdict != .skip)
        state.withLock { state in
            var winner: String?
            switch verdict {
            case .seat(let index): winner = current.answers[index].key.model
            case .ranking(let ranking) where ranking.groups[0].count == 1:   // a top seat alone
                winner = current.answers[ranking.groups[0][0]].key.model
            default: break
            }
            if verdict != .skip { state.queue.record(current.item, winner: winner, bothBad: verdict == .bothBad) }
            state.judged.append(current)
            state.current = nil
        }
        return VerdictReceipt(verdictCount: try? store.verdictCount(), reveals: [], leakedWords: current.battle.leakedWords)
    }

    func markAdequacy(seat: Int, adequate: Bool) -> String? {
        guard let current = state.withLock({ $0.current }), seat < current.answers.count else { return "no comparison on screen" }
        do {
            try store.save(adequacy: AdequacyMark(key: current.answers[seat].key, rater: rater, adequate: adequate, createdAt: Date()))
            return nil
        } catch {
            return error.description
        }
    }

    /// Takes back the last verdict: deletes its battle and shows that comparison again.
    func undo() -> UndoneVerdict? {
        let setup: BattleSetup? = state.withLock { state in
            guard let last = state.judged.popLast() else { return nil }
            try? store.deleteBattle(id: last.battle.id)
            release(last.item)
            _ = try? claim(last.item)
            if let unjudged = state.current {
                state.queue.putBack(unjudged.item, judged: false)
                release(unjudged.item)
            }
            state.queue.putBack(last.item, judged: true)
            _ = state.queue.next(using: &state.generator, preferFirst: true)
            return show(last.item, in: &state)
        }
        return setup.map { UndoneVerdict(setup: $0, verdictCount: try? store.verdictCount()) }
    }

    /// The store key of a pending comparison: prompt, repeat and the two models.
    func claimKey(_ item: JudgeQueue.Item) -> String {
        JudgeQueue.key(item.origin, [item.first.key.model, item.second.key.model])
    }

    /// Claims `item` for this rater; false when another judge holds it or has judged it.
    private func claim(_ item: JudgeQueue.Item) throws -> Bool {
        do {
            return try store.claim(JudgeClaim(suite: suite.name, item: claimKey(item), rater: rater, claimedAt: Date()))
        } catch {
            throw CLIFailure(error.description)
        }
    }

    private func release(_ item: JudgeQueue.Item) {
        try? store.finishClaim(suite: suite.name, item: claimKey(item), done: false)
    }

    /// Frees the comparison on screen, if any, for other judges (on quit).
    func releaseCurrent() {
        state.withLock { state in
            if let current = state.current { release(current.item) }
            state.current = nil
        }
    }

    /// `ll` in judge mode: this suite's ratings and the cost-vs-quality plot (Pareto frontier ★).
    func suiteStandings(width: Int) -> [String] {
        do {
            let recommendation = Recommendation(suite: suite, models: config.models, answers: try store.runAnswers(suite: suite.name),
                                                marks: try store.adequacyMarks(suite: suite.name), battles: try store.battles(suite: suite.name),
                                                bars: [.adequateShare(atLeast: 0.9)], seed: 1)
            var lines = RecommendationPrinter(recommendation: recommendation, suite: suite.name, style: Style(enabled: false),
                                              traffic: MoreEvidence.isTraffic(suite))
                .text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let points = recommendation.rows.compactMap { row -> CostQualityPlot.Point? in
                guard let cost = row.costPerThousand, let rating = row.rating?.rating else { return nil }
                return CostQualityPlot.Point(label: row.model, cost: cost, rating: rating)
            }
            lines += CostQualityPlot(points: points, width: max(min(width - 20, 60), 20), height: 8).lines()
            return lines
        } catch {
            return ["Cannot read the store: \(error)"]
        }
    }
}
