import ArenaCore

import Synchronization

/// Where streams (and other async work) leave events for the UI thread, which drains it once per
/// frame. Posting takes a lock for one append: it never waits on the UI, and the UI never waits on
/// a stream.
///
/// Text that arrives faster than frames are drawn is joined: a seat's text (or reasoning) piece
/// is appended to that seat's newest waiting piece while nothing else of that seat, and no
/// event of the screen's own, was posted after it. Each seat's text stays in order and in order
/// with its other events; only how it is cut into pieces changes. So a backlog costs about the
/// text it holds, not an event per token, and the UI applies one piece per seat per frame.
///
/// ```swift
/// let inbox = ScreenInbox()
/// inbox.post(.stream(turn: 0, seat: 1, event: .text("Hi")))   // any thread
/// ```
public final class ScreenInbox: Sendable {
    /// An event with the moment it was posted (for the arrival-to-screen measurement); a joined
    /// piece keeps the moment its first part was posted.
    public struct Posted: Sendable {
        public var event: ScreenEvent
        public var postedAt: ContinuousClock.Instant
    }

    private struct Waiting {
        var posted: [Posted] = []
        /// Where each stream's newest text or reasoning piece waits, while it can still grow.
        var open: [PieceKey: Int] = [:]
    }

    private struct PieceKey: Hashable {
        var turn: Int
        var seat: Int
        var reasoning: Bool
    }

    private let queue = Mutex(Waiting())

    public init() {}

    public func post(_ event: ScreenEvent) {
        let now = ContinuousClock.now
        queue.withLock { waiting in
            guard case .stream(let turn, let seat, let streamEvent) = event else {
                waiting.open.removeAll(keepingCapacity: true)
                waiting.posted.append(Posted(event: event, postedAt: now))
                return
            }
            let piece: String, reasoning: Bool
            switch streamEvent {
            case .text(let text): (piece, reasoning) = (text, false)
            case .reasoning(let text): (piece, reasoning) = (text, true)
            default:
                // The seat's other events are ordered with its text: nothing joins across them.
                waiting.open[PieceKey(turn: turn, seat: seat, reasoning: false)] = nil
                waiting.open[PieceKey(turn: turn, seat: seat, reasoning: true)] = nil
                waiting.posted.append(Posted(event: event, postedAt: now))
                return
            }
            let key = PieceKey(turn: turn, seat: seat, reasoning: reasoning)
            waiting.open[PieceKey(turn: turn, seat: seat, reasoning: !reasoning)] = nil
            if let index = waiting.open[key], Self.join(piece, into: &waiting.posted[index].event) { return }
            waiting.open[key] = waiting.posted.count
            waiting.posted.append(Posted(event: event, postedAt: now))
        }
    }

    /// Appends `piece` to the text or reasoning of `event` in place (the event's string is
    /// released first, so the append does not copy what is already there).
    private static func join(_ piece: String, into event: inout ScreenEvent) -> Bool {
        guard case .stream(let turn, let seat, let streamEvent) = event else { return false }
        switch streamEvent {
        case .text(var text):
            event = .quitRequested
            text += piece
            event = .stream(turn: turn, seat: seat, event: .text(text))
        case .reasoning(var text):
            event = .quitRequested
            text += piece
            event = .stream(turn: turn, seat: seat, event: .reasoning(text))
        default:
            return false
        }
        return true
    }

    /// Takes everything posted so far, oldest first.
    public func drain() -> [Posted] {
        queue.withLock { waiting in
            guard !waiting.posted.isEmpty else { return [] }
            // Hand the buffer over and start a new one: `removeAll(keepingCapacity:)` on a buffer
            // the caller now shares would allocate a copy as large as the biggest backlog yet,
            // every frame.
            var taken: [Posted] = []
            swap(&taken, &waiting.posted)
            waiting.open.removeAll(keepingCapacity: true)
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
