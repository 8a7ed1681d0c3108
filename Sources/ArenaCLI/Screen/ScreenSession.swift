import ArenaCore
import ArenaProviders
import ArenaStore
import ArenaUI
import Foundation
import Synchronization

/// Connects the arena screen to real model endpoints and the store: shuffles seats, streams
/// turns, saves each turn as soon as it ends and each verdict when cast, and builds the reveal.
///
/// Voting is per turn: a vote closes the turn and reveals the names; a follow-up prompt adds a
/// turn to the same battle, whose verdict is stored as not blind (names were already known).
final class ScreenSession: Sendable {
    private struct State {
        var battles: [String: Battle] = [:]
        /// Turns being streamed or saved, so a verdict waits for its turn to be stored.
        var pendingTurns: [String: Task<String?, Never>] = [:]
    }

    let models: [ModelConfig]
    let config: ArenaConfig
    let store: BattleStore
    let client: ModelClient
    let rater: String
    let systemPrompt: String?
    private let state = Mutex(State())

    init(models: [ModelConfig], config: ArenaConfig, store: BattleStore, client: ModelClient, rater: String, systemPrompt: String?) {
        self.models = models
        self.config = config
        self.store = store
        self.client = client
        self.rater = rater
        self.systemPrompt = systemPrompt
    }

    func environment() throws -> ArenaScreenEnvironment {
        let status: StoreStatus
        let history: [String]
        do {
            status = StoreStatus(path: store.path, verdictCount: try store.verdictCount())
            history = try store.recentPrompts()
        } catch {
            throw CLIFailure(error.description)
        }
        return ArenaScreenEnvironment(
            store: status, promptHistory: history,
            newBattle: { [self] in newBattle() },
            runTurn: { [self] request, sink in await runTurn(request, sink: sink) },
            saveVerdict: { [self] submission in await saveVerdict(submission) },
            leaderboard: { [self] width in leaderboardLines(width: width) })
    }

    func newBattle() -> BattleSetup {
        var generator = SystemRandomNumberGenerator()
        let battle = Battle(createdAt: Date(), mode: .screen, blind: true, systemPrompt: systemPrompt,
                            seats: SeatShuffler.seats(for: models, using: &generator))
        let id = battle.id.uuidString.lowercased()
        state.withLock { $0.battles[id] = battle }
        return BattleSetup(battleID: id, modelNames: battle.seats.map(\.model.name),
                           hiddenWords: battle.seats.flatMap(\.model.identifyingWords))
    }

    /// Streams the turn into the screen, then stores it (whatever happened: answers, errors,
    /// cancellation), so a verdict on it can be saved.
    func runTurn(_ request: TurnRequest, sink: TurnEventSink) async {
        let key = "\(request.battleID)#\(request.turn)"
        let work = Task<String?, Never> { [self] in
            guard let battle = state.withLock({ $0.battles[request.battleID] }) else { return "unknown battle" }
            let answers = await BattleRunner(client: client, config: config).run(battle: battle, prompt: request.prompt) { seat, event in
                sink.post(seat: seat, event)
            }
            var updated = battle
            updated.turns.append(BattleTurn(index: request.turn, prompt: request.prompt, createdAt: Date(), answers: answers))
            state.withLock { $0.battles[request.battleID] = updated }
            let finished = updated
            do {
                try await store.offPool { store throws(StoreError) in try store.save(battle: finished, turn: request.turn) }
                return nil
            } catch {
                return "\(error)"
            }
        }
        state.withLock { $0.pendingTurns[key] = work }
        _ = await withTaskCancellationHandler { await work.value } onCancel: { work.cancel() }
    }

    func saveVerdict(_ submission: VerdictSubmission) async -> VerdictReceipt {
        let key = "\(submission.battleID)#\(submission.turn)"
        let saveError = await state.withLock({ $0.pendingTurns[key] })?.value
        guard let battle = state.withLock({ $0.battles[submission.battleID] }),
              let turn = battle.turns.first(where: { $0.index == submission.turn }) else {
            return VerdictReceipt(saveError: "this turn was not recorded", reveals: [])
        }
        let reveals = turn.answers.map { answer in
            SeatReveal(modelName: battle.seats[answer.seatIndex].model.name,
                       timeToFirstTokenMilliseconds: answer.metrics.ttftMs.map { Int($0.rounded()) },
                       totalMilliseconds: answer.metrics.durationMs.map { Int($0.rounded()) },
                       tokensPerSecond: answer.metrics.tokensPerSecond, outputTokens: answer.metrics.outputTokens,
                       outputTokensEstimated: answer.metrics.tokensEstimated, costUSD: answer.metrics.costUSD)
        }
        if let saveError { return VerdictReceipt(saveError: "turn not saved: \(saveError)", reveals: reveals) }
        let verdict = submission.choice.verdict
        let record = VerdictRecord(battleID: battle.id, turnIndex: submission.turn, verdict: verdict,
                                   rater: rater, createdAt: Date(), blind: submission.isBlind)
        do {
            let count = try await store.offPool { store throws(StoreError) in
                try store.save(verdict: record)
                return try? store.verdictCount()
            }
            return VerdictReceipt(verdictCount: count, reveals: reveals)
        } catch {
            return VerdictReceipt(saveError: error.description, reveals: reveals)
        }
    }

    /// The leaderboard for the `l` box: the same fit as `arena leaderboard`, with fewer bootstrap
    /// rounds so it opens at once.
    func leaderboardLines(width: Int) -> [String] {
        let votes: [RankingVote]
        do { votes = try store.rankingVotes() } catch { return ["Cannot read the store: \(error.description)"] }
        let data = RankingData(votes: votes, filter: .init())
        guard data.models.count >= 2, !data.comparisons.isEmpty else {
            return ["Not enough blind verdicts to rank yet (\(data.verdicts) counted).", "Vote on a few battles first."]
        }
        do {
            let computation = try LeaderboardComputation(data: data, options: .init(rounds: 300))
            let printer = LeaderboardPrinter(data: data, computation: computation, style: Style(enabled: false))
            let text = printer.table(width: width)
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                + ["", "Full detail: arena leaderboard --pairs"]
        } catch {
            return ["Cannot fit the ratings: \(error)"]
        }
    }
}
