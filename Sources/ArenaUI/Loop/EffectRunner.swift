import Foundation
import Synchronization

/// Performs the reducer's effects through the environment, each in its own task, and posts the
/// results to the inbox. Owned by the UI thread.
final class EffectRunner {
    let environment: ArenaScreenEnvironment
    let inbox: ScreenInbox
    private var turnTask: Task<Void, Never>?
    private let saves = PendingSaves()

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
        case .cancelStreams:
            turnTask?.cancel()
            turnTask = nil
        case .saveVerdict(let submission):
            let saves = self.saves
            saves.begin()
            Task {
                let receipt = await environment.saveVerdict(submission)
                inbox.post(.verdictSaved(turn: submission.turn, receipt: receipt))
                saves.end()
            }
        case .newBattle:
            Task {
                do {
                    inbox.post(.battleReady(try await environment.newBattle()))
                } catch {
                    inbox.post(.battleFailed(String(describing: error)))
                }
            }
        case .markAdequacy(let battleID, let seat, let adequate):
            Task {
                let error = await environment.markAdequacy(battleID, seat, adequate)
                inbox.post(.adequacyMarked(seat: seat, adequate: adequate, error: error))
            }
        case .undo:
            Task {
                inbox.post(.undone(await environment.undo()))
            }
        case .showLeaderboard(let width):
            Task { inbox.post(.leaderboardReady(await environment.leaderboard(width))) }
        case .quit:
            break
        }
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
