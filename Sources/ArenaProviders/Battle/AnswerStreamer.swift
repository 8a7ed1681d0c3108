import ArenaCore
import Foundation

/// Streams one request to one model and measures it: time to first token from sending the
/// request and total time, on a monotonic clock. `stream` only forwards events (whoever listens
/// folds them, once); `answer` folds them itself and adds usage or an estimate, and cost. Shared
/// by battles, the arena screen and batch runs.
struct AnswerStreamer: Sendable {
    let client: ModelClient

    /// Forwards every event. `onTiming` is called with the time to first token just before the
    /// first text (so an answer cancelled by its listener keeps it), then with the whole timing
    /// just before the terminal event. A stream that ends without one (only cancellation does
    /// that) is ended `.cancelled`.
    func stream(_ request: ChatRequest, limits: StreamLimits, onTiming: (AnswerTiming) -> Void,
                onEvent: (StreamEvent) -> Void) async {
        let clock = client.clock
        let start = clock.now()
        var firstContent: Duration?
        var ended = false
        func timing() -> AnswerTiming {
            AnswerTiming(ttftMs: firstContent.map { ($0 - start).milliseconds }, durationMs: (clock.now() - start).milliseconds)
        }
        for await event in client.stream(request, limits: limits) where !ended {
            switch event {
            case .text(let piece) where !piece.isEmpty && firstContent == nil,
                 .reasoning(let piece) where !piece.isEmpty && firstContent == nil:
                let now = clock.now()
                firstContent = now
                onTiming(AnswerTiming(ttftMs: (now - start).milliseconds))
            case .finished, .failed:
                ended = true
                onTiming(timing())
            default: break
            }
            onEvent(event)
        }
        if !ended {
            onTiming(timing())
            onEvent(.finished(.cancelled))
        }
    }

    /// The whole answer, folded here, with its metrics.
    func answer(_ request: ChatRequest, seatIndex: Int, limits: StreamLimits,
                onEvent: (StreamEvent) -> Void) async -> Answer {
        var live = LiveAnswer()
        await stream(request, limits: limits, onTiming: { live.record($0) }) { event in
            live.apply(event)
            onEvent(event)
        }
        return live.answer(seatIndex: seatIndex, prompt: request.messages, price: request.model.price)
    }
}
