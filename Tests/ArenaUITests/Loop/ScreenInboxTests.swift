import ArenaCore
import Testing
@testable import ArenaUI

/// The inbox joins a seat's waiting text into one piece, and nothing else changes: each seat's
/// text, reasoning and other events keep their order, and the screen's own events stay between
/// the same stream events — over seeded random interleavings, drained at random moments.
@Suite struct ScreenInboxTests {
    /// What a seat's events say, with adjacent pieces of one kind joined.
    enum Said: Equatable {
        case text(String), reasoning(String), other(StreamEvent)
    }

    static func normalized(_ events: [StreamEvent]) -> [Said] {
        var said: [Said] = []
        for event in events {
            switch (event, said.last) {
            case (.text(let piece), .text(let before)?): said[said.count - 1] = .text(before + piece)
            case (.reasoning(let piece), .reasoning(let before)?): said[said.count - 1] = .reasoning(before + piece)
            case (.text(let piece), _): said.append(.text(piece))
            case (.reasoning(let piece), _): said.append(.reasoning(piece))
            default: said.append(.other(event))
            }
        }
        return said
    }

    @Test(arguments: 1...40)
    func joiningKeepsEveryOrderThatMatters(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let inbox = ScreenInbox()
        var posted: [ScreenEvent] = []
        var drained: [ScreenEvent] = []
        for step in 0..<400 {
            let roll = random.next() % 20
            let seat = Int(random.next() % 3), turn = Int(random.next() % 2)
            let event: ScreenEvent
            switch roll {
            case 0..<10: event = .stream(turn: turn, seat: seat, event: .text("t\(step) "))
            case 10..<14: event = .stream(turn: turn, seat: seat, event: .reasoning("r\(step) "))
            case 14: event = .stream(turn: turn, seat: seat, event: .usage(TokenUsage(inputTokens: step, outputTokens: nil)))
            case 15: event = .tick(.milliseconds(step))
            case 16: event = .seatTimed(turn: turn, seat: seat, timing: AnswerTiming(ttftMs: Double(step), durationMs: nil))
            default: event = .stream(turn: turn, seat: seat, event: .text(""))
            }
            posted.append(event)
            inbox.post(event)
            if random.next() % 25 == 0 { drained += inbox.drain().map(\.event) }
        }
        drained += inbox.drain().map(\.event)
        #expect(drained.count < posted.count)

        // Per stream: the same things said, in the same order.
        for turn in 0..<2 {
            for seat in 0..<3 {
                func events(_ list: [ScreenEvent]) -> [StreamEvent] {
                    list.compactMap { if case .stream(turn, seat, let event) = $0 { event } else { nil } }
                }
                #expect(Self.normalized(events(drained)) == Self.normalized(events(posted)), "turn \(turn) seat \(seat)")
            }
        }
        // The screen's own events (and a seat's timing) between the same text: what each stream
        // had said before it, and after.
        func said(before index: Int, in list: [ScreenEvent]) -> [String] {
            list.prefix(index).map { event -> String in
                if case .stream(let turn, let seat, .text(let text)) = event { return "\(turn)/\(seat):\(text)" }
                if case .stream(let turn, let seat, .reasoning(let text)) = event { return "\(turn)/\(seat)r:\(text)" }
                return ""
            }
        }
        func marks(_ list: [ScreenEvent]) -> [(Int, ScreenEvent)] {
            list.enumerated().compactMap { index, event in
                if case .stream = event { return nil }
                return (index, event)
            }
        }
        let left = marks(posted), right = marks(drained)
        #expect(left.count == right.count)
        for ((postedIndex, _), (drainedIndex, _)) in zip(left, right) {
            let before = Self.pieces(said(before: postedIndex, in: posted))
            let after = Self.pieces(said(before: drainedIndex, in: drained))
            #expect(before == after)
        }
    }

    /// All text said per stream key, joined (the pieces' cuts do not matter).
    static func pieces(_ tagged: [String]) -> [String: String] {
        var joined: [String: String] = [:]
        for item in tagged where !item.isEmpty {
            let colon = item.firstIndex(of: ":")!
            joined[String(item[..<colon]), default: ""] += item[item.index(after: colon)...]
        }
        return joined
    }
}
