import ArenaCore
import Foundation

/// Streams one request to one model and measures it: time to first token from sending the
/// request, total time on a monotonic clock, usage or an estimate, and cost. Shared by battles
/// and batch runs.
struct AnswerStreamer: Sendable {
    let client: ModelClient

    func answer(_ request: ChatRequest, seatIndex: Int, limits: StreamLimits,
                onEvent: (StreamEvent) -> Void) async -> Answer {
        let clock = ContinuousClock()
        let start = clock.now
        var firstContent: ContinuousClock.Instant?
        var accumulator = AnswerAccumulator()
        for await event in client.stream(request, limits: limits) {
            switch event {
            case .text(let piece) where !piece.isEmpty && firstContent == nil: firstContent = clock.now
            case .reasoning(let piece) where !piece.isEmpty && firstContent == nil: firstContent = clock.now
            default: break
            }
            accumulator.apply(event)
            onEvent(event)
        }
        if !accumulator.isComplete {
            // The stream ended without a terminal event: only cancellation does that.
            accumulator.apply(.finished(.cancelled))
            onEvent(.finished(.cancelled))
        }
        return AnswerBuilder.answer(seatIndex: seatIndex, accumulator: accumulator,
                                    ttftMs: firstContent.map { Self.milliseconds($0 - start) },
                                    durationMs: Self.milliseconds(clock.now - start),
                                    prompt: request.messages, price: request.model.price)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
