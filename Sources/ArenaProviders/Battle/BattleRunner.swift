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
        let conversations = battle.conversations(adding: prompt)
        return await withTaskGroup(of: Answer.self) { group in
            for seat in battle.seats {
                let request = ChatRequest(model: seat.model, messages: conversations[seat.index])
                let limits = StreamLimits(model: seat.model, config: config)
                group.addTask {
                    await AnswerStreamer(client: client).answer(request, seatIndex: seat.index, limits: limits) { event in
                        onEvent(seat.index, event)
                    }
                }
            }
            var answers: [Answer] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.seatIndex < $1.seatIndex }
        }
    }

    /// Streams one turn without folding it: each seat gets its own conversation (`conversations[i]`
    /// for `seats[i]`), and every event goes to `onEvent` — preceded, for each seat, by its timing
    /// (`onTiming`) just before the terminal event. For a listener that folds the answers itself
    /// (the arena screen), so each stream is folded once.
    public func stream(seats: [Seat], conversations: [[ChatMessage]],
                       onTiming: @escaping @Sendable (Int, AnswerTiming) -> Void,
                       onEvent: @escaping @Sendable (Int, StreamEvent) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (seat, messages) in zip(seats, conversations) {
                let request = ChatRequest(model: seat.model, messages: messages)
                let limits = StreamLimits(model: seat.model, config: config)
                group.addTask {
                    await AnswerStreamer(client: client).stream(request, limits: limits,
                                                                onTiming: { onTiming(seat.index, $0) },
                                                                onEvent: { onEvent(seat.index, $0) })
                }
            }
        }
    }
}
