import ArenaCore
import Foundation
import Synchronization

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
    ///
    /// The callbacks run on the task reading the response, one event at a time and in order: no
    /// stream between a producer and a consumer task, so no hand-over (and thread wake-up) per
    /// token. Events after the terminal one are dropped.
    func stream(_ request: ChatRequest, limits: StreamLimits, onTiming: @escaping @Sendable (AnswerTiming) -> Void,
                onEvent: @escaping @Sendable (StreamEvent) -> Void) async {
        let clock = client.clock
        let start = clock.now()
        let state = Mutex(Progress())
        @Sendable func timing(_ progress: Progress) -> AnswerTiming {
            AnswerTiming(ttftMs: progress.firstContent.map { ($0 - start).milliseconds }, durationMs: (clock.now() - start).milliseconds)
        }
        await client.run(request, limits: limits) { event in
            let step = state.withLock { progress -> Progress.Step in
                guard !progress.ended else { return .drop }
                switch event {
                case .text(let piece) where !piece.isEmpty && progress.firstContent == nil,
                     .reasoning(let piece) where !piece.isEmpty && progress.firstContent == nil:
                    let now = clock.now()
                    progress.firstContent = now
                    return .timing(AnswerTiming(ttftMs: (now - start).milliseconds))
                case .finished, .failed:
                    progress.ended = true
                    return .timing(timing(progress))
                default:
                    return .forward
                }
            }
            switch step {
            case .drop: return
            case .timing(let measured): onTiming(measured)
            case .forward: break
            }
            onEvent(event)
        }
        let unfinished = state.withLock { progress -> AnswerTiming? in
            guard !progress.ended else { return nil }
            progress.ended = true
            return timing(progress)
        }
        if let unfinished {
            onTiming(unfinished)
            onEvent(.finished(.cancelled))
        }
    }

    /// Where one answer's stream is: when its first content came, and whether it has ended.
    private struct Progress {
        var firstContent: Duration?
        var ended = false

        enum Step { case drop, forward, timing(AnswerTiming) }
    }

    /// The whole answer, folded here, with its metrics.
    func answer(_ request: ChatRequest, seatIndex: Int, limits: StreamLimits,
                onEvent: @escaping @Sendable (StreamEvent) -> Void) async -> Answer {
        let live = Mutex(LiveAnswer())
        await stream(request, limits: limits, onTiming: { timing in live.withLock { $0.record(timing) } }) { event in
            live.withLock { $0.apply(event) }
            onEvent(event)
        }
        return live.withLock { $0.answer(seatIndex: seatIndex, prompt: request.messages, price: request.model.price) }
    }
}

extension ModelClient {
    /// One whole answer with its metrics (time to first token, duration, tokens, cost), every event
    /// passed to `onEvent` as it arrives, on the task that reads the response. For one-off requests
    /// outside a battle or a batch: `arena gateway`'s translated primaries and shadows.
    public func answer(_ request: ChatRequest, limits: StreamLimits,
                       onEvent: @escaping @Sendable (StreamEvent) -> Void = { _ in }) async -> Answer {
        await AnswerStreamer(client: self).answer(request, seatIndex: 0, limits: limits, onEvent: onEvent)
    }
}
