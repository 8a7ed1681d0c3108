import ArenaCore

import Synchronization

/// Where streams (and other async work) leave events for the UI thread, which drains it once per
/// frame. Posting takes a lock for one append: it never waits on the UI, and the UI never waits on
/// a stream.
///
/// ```swift
/// let inbox = ScreenInbox()
/// inbox.post(.stream(turn: 0, seat: 1, event: .text("Hi")))   // any thread
/// ```
public final class ScreenInbox: Sendable {
    /// An event with the moment it was posted (for the arrival-to-screen measurement).
    public struct Posted: Sendable {
        public var event: ScreenEvent
        public var postedAt: ContinuousClock.Instant
    }

    private let queue = Mutex<[Posted]>([])

    public init() {}

    public func post(_ event: ScreenEvent) {
        let posted = Posted(event: event, postedAt: .now)
        queue.withLock { $0.append(posted) }
    }

    /// Takes everything posted so far, oldest first.
    public func drain() -> [Posted] {
        queue.withLock { queue in
            guard !queue.isEmpty else { return [] }
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
    }

    /// A sink bound to one turn, for the environment's `runTurn`.
    public func sink(turn: Int) -> TurnEventSink { TurnEventSink(inbox: self, turn: turn) }
}

/// Given to `runTurn`: posts one seat's stream events for this turn into the screen's inbox.
///
/// ```swift
/// for try await event in provider.stream(request) { sink.post(seat: 2, event) }
/// ```
/// Post `.finished` or `.failed` last for every seat; the screen marks seats that never finished as
/// failed when `runTurn` returns.
public struct TurnEventSink: Sendable {
    let inbox: ScreenInbox
    public let turn: Int

    public func post(seat: Int, _ event: StreamEvent) {
        inbox.post(.stream(turn: turn, seat: seat, event: event))
    }

    /// How long the seat's answer took; post it just before the seat's terminal event.
    public func post(seat: Int, timing: AnswerTiming) {
        inbox.post(.seatTimed(turn: turn, seat: seat, timing: timing))
    }
}
