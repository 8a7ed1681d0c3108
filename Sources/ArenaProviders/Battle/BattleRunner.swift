import ArenaCore
import Foundation

/// Streams one turn of a battle: every seat concurrently, each on its own, so one slow or
/// failing model never holds up or corrupts another.
///
/// ```swift
/// let runner = BattleRunner(client: client, config: config)
/// let answers = await runner.run(battle: battle, prompt: "Explain CRDTs") { seat, event in … }
/// ```
///
/// `onEvent` is called from the seats' tasks as events arrive (concurrently across seats, in
/// order within a seat); it must be quick and thread-safe. Cancel the calling task to cancel
/// every stream: the answers then end `.cancelled` with the text received so far.
public struct BattleRunner: Sendable {
    public let client: ModelClient
    public let config: ArenaConfig

    public init(client: ModelClient, config: ArenaConfig) {
        self.client = client
        self.config = config
    }

    /// Runs the turn that asks `prompt` after whatever turns `battle` already has.
    /// Returns one answer per seat, ordered by seat index.
    public func run(battle: Battle, prompt: String,
                    onEvent: @escaping @Sendable (Int, StreamEvent) -> Void = { _, _ in }) async -> [Answer] {
        let nextTurn = (battle.turns.map(\.index).max() ?? -1) + 1
        return await withTaskGroup(of: Answer.self) { group in
            for seat in battle.seats {
                var messages = battle.conversation(forSeat: seat.index, through: nextTurn - 1)
                messages.append(ChatMessage(role: .user, content: prompt))
                let request = ChatRequest(model: seat.model, messages: messages)
                let limits = StreamLimits(model: seat.model, config: config)
                group.addTask {
                    await runSeat(seat, request: request, limits: limits, onEvent: onEvent)
                }
            }
            var answers: [Answer] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.seatIndex < $1.seatIndex }
        }
    }

    private func runSeat(_ seat: Seat, request: ChatRequest, limits: StreamLimits,
                         onEvent: @Sendable (Int, StreamEvent) -> Void) async -> Answer {
        await AnswerStreamer(client: client).answer(request, seatIndex: seat.index, limits: limits) { event in
            onEvent(seat.index, event)
        }
    }
}
