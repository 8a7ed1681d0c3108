import Foundation
import Synchronization

/// Performs the reducer's effects through the environment, each in its own task, and posts the
/// results to the inbox. Owned by the UI thread.
final class EffectRunner {
    let environment: ArenaScreenEnvironment
    let inbox: ScreenInbox
    private var turnTask: Task<Void, Never>?
    private let saves = PendingSaves()
    /// The last store write: each one waits for the one before, so a verdict is never saved
    /// before its turn, nor an undo before the verdict it takes back.
    private var lastStoreWrite: Task<Void, Never>?

    init(environment: ArenaScreenEnvironment, inbox: ScreenInbox) {
        self.environment = environment
        self.inbox = inbox
    }

    func perform(_ effect: ScreenEffect) {
        let environment = self.environment
        let inbox = self.inbox
        switch effect {
        case .startTurn(let request):
            turnTask?.cancel()
            turnTask = Task {
                await environment.runTurn(request, inbox.sink(turn: request.turn))
                inbox.post(.turnEnded(turn: request.turn))
            }
        case .saveTurn(let submission):
            inOrder { inbox.post(.turnSaved(turn: submission.turn, error: await environment.saveTurn(submission))) }
        case .cancelStreams:
            turnTask?.cancel()
            turnTask = nil
        case .saveVerdict(let submission):
            inOrder { inbox.post(.verdictSaved(turn: submission.turn, receipt: await environment.saveVerdict(submission))) }
        case .newBattle:
            Task { await EffectRunner.shuffle(environment, into: inbox) }
        case .markAdequacy(let battleID, let seat, let adequate):
            inOrder {
                let error = await environment.markAdequacy(battleID, seat, adequate)
                inbox.post(.adequacyMarked(seat: seat, adequate: adequate, error: error))
            }
        case .undo:
            inOrder {
                let undone = await environment.undo()
                inbox.post(.undone(undone))
                if let undone { EffectRunner.deliverStoredAnswers(of: undone.setup, to: inbox) }
            }
        case .showLeaderboard(let width):
            Task { inbox.post(.leaderboardReady(await environment.leaderboard(width))) }
        case .loadStore:
            Task { inbox.post(.storeLoaded(await environment.loadStore())) }
        case .quit:
            break
        }
    }

    /// Runs a store write after the previous one, counted until done (quitting waits for it).
    private func inOrder(_ write: @escaping @Sendable () async -> Void) {
        let saves = self.saves
        let previous = lastStoreWrite
        saves.begin()
        lastStoreWrite = Task {
            await previous?.value
            await write()
            saves.end()
        }
    }

    private static func shuffle(_ environment: ArenaScreenEnvironment, into inbox: ScreenInbox) async {
        do {
            let setup = try await environment.newBattle()
            inbox.post(.battleReady(setup))
            deliverStoredAnswers(of: setup, to: inbox)
        } catch {
            inbox.post(.battleFailed(String(describing: error)))
        }
    }

    /// Judge mode's stored answers arrive as an event, like streamed ones.
    private static func deliverStoredAnswers(of setup: BattleSetup, to inbox: ScreenInbox) {
        if let turn = setup.storedTurn { inbox.post(.answersLoaded(battleID: setup.battleID, turn: turn)) }
    }

    /// Cancels streaming and waits (at most `timeout`) for verdicts still being saved.
    func shutDown(timeout: Duration) {
        turnTask?.cancel()
        turnTask = nil
        let deadline = ContinuousClock.now + timeout
        while saves.count > 0, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
    }
}

/// Counts verdict saves in flight.
final class PendingSaves: Sendable {
    private let value = Atomic<Int>(0)
    func begin() { value.add(1, ordering: .relaxed) }
    func end() { value.subtract(1, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}
