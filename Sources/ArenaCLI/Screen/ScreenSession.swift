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
    let models: [ModelConfig]
    let config: ArenaConfig
    let store: BattleStore
    let client: ModelClient
    let rater: String
    let systemPrompt: String?
    /// Where seat shuffles come from.
    let random: RandomSource

    init(models: [ModelConfig], config: ArenaConfig, store: BattleStore, client: ModelClient, rater: String, systemPrompt: String?,
         random: RandomSource = RandomSource()) {
        self.models = models
        self.config = config
        self.store = store
        self.client = client
        self.rater = rater
        self.systemPrompt = systemPrompt
        self.random = random
    }

    /// The screen's environment. The store is only opened here: its count and history are read
    /// after the first frame (`loadStore`).
    func environment() -> ArenaScreenEnvironment {
        var environment = ArenaScreenEnvironment(
            store: StoreStatus(path: store.path, verdictCount: nil),
            newBattle: { [self] in newBattle() },
            runTurn: { [self] request, sink in await runTurn(request, sink: sink) },
            saveTurn: { [self] submission in await saveTurn(submission) },
            saveVerdict: { [self] submission in await saveVerdict(submission) },
            leaderboard: { [self] width in leaderboardLines(width: width) })
        environment.loadStore = { [store] in
            do throws(StoreError) {
                return try await store.offPool { store throws(StoreError) in
                    StoreDetails(verdictCount: try store.verdictCount(), promptHistory: try store.recentPrompts())
                }
            } catch {
                return StoreDetails(verdictCount: nil, error: error.description)
            }
        }
        return environment
    }

    /// New seats, shuffled; the screen keeps the battle and hands it back with every save.
    func newBattle() -> BattleSetup {
        let seats = random.draw { SeatShuffler.seats(for: models, using: &$0) }
        let battle = Battle(createdAt: Date(), mode: .screen, blind: true, systemPrompt: systemPrompt, seats: seats)
        return BattleSetup(battle: battle, hiddenWords: seats.flatMap(\.model.identifyingWords))
    }

    /// Streams the turn into the screen, which folds it (once) into its battle.
    func runTurn(_ request: TurnRequest, sink: TurnEventSink) async {
        await BattleRunner(client: client, config: config).stream(
            seats: request.seats, conversations: request.conversations,
            onTiming: { seat, timing in sink.post(seat: seat, timing: timing) },
            onEvent: { seat, event in sink.post(seat: seat, event) })
    }

    /// Stores a completed turn, whatever happened in it (answers, errors, cancellation).
    func saveTurn(_ submission: TurnSubmission) async -> String? {
        do {
            try await store.offPool { store throws(StoreError) in try store.save(battle: submission.battle, turn: submission.turn) }
            return nil
        } catch {
            return error.description
        }
    }

    /// Stores the verdict on a turn already saved; the reveal and the leak flag say what was stored.
    func saveVerdict(_ submission: VerdictSubmission) async -> VerdictReceipt {
        let battle = submission.battle
        let answers = submission.answers
        let reveals = battle.seats.map { seat in SeatReveal(seat: seat, answer: answers.first { $0.seatIndex == seat.index }) }
        let record = VerdictRecord(battleID: battle.id, turnIndex: submission.turn, verdict: submission.verdict,
                                   rater: rater, createdAt: submission.votedAt, blind: submission.isBlind)
        do {
            let count = try await store.offPool { store throws(StoreError) in
                try store.save(verdict: record)
                return try? store.verdictCount()
            }
            return VerdictReceipt(verdictCount: count, reveals: reveals, leakedWords: battle.leakedWords)
        } catch {
            return VerdictReceipt(saveError: error.description, reveals: reveals)
        }
    }

    /// The leaderboard for the `l` box: the same fit as `arena leaderboard`, with fewer bootstrap
    /// rounds so it opens at once.
    func leaderboardLines(width: Int) -> [String] {
        let data: RankingData
        do {
            if let tallies = try store.rankingTallies() { data = RankingData(tallies: tallies, filter: .init()) } else {
                data = RankingData(votes: try store.rankingVotes(), filter: .init())
            }
        } catch {
            return ["Cannot read the store: \(error.description)"]
        }
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
