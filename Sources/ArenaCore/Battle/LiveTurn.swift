import Foundation

/// A turn being answered: its prompt, what each seat was sent, and every seat's answer as it
/// streams. `Battle.beginTurn` makes one; `Battle.append` stores it as a `BattleTurn` once complete.
///
/// ```swift
/// var live = battle.beginTurn(prompt: "Explain CRDTs", at: now)
/// live.apply(.text("A CRDT is …"), seat: 0)   // … every seat's events, each applied once
/// if live.isComplete { battle.append(live) }
/// ```
public struct LiveTurn: Sendable, Equatable {
    public let index: Int
    public let prompt: String
    public let createdAt: Date
    /// Per seat, the messages sent: the system prompt, the conversation so far, then `prompt`.
    public let conversations: [[ChatMessage]]
    public private(set) var answers: [LiveAnswer]

    public init(index: Int, prompt: String, createdAt: Date, conversations: [[ChatMessage]]) {
        self.index = index
        self.prompt = prompt
        self.createdAt = createdAt
        self.conversations = conversations
        answers = Array(repeating: LiveAnswer(), count: conversations.count)
    }

    public var isComplete: Bool { answers.allSatisfy(\.isComplete) }

    /// Applies one seat's event; false when the seat does not exist or its answer is complete.
    @discardableResult
    public mutating func apply(_ event: StreamEvent, seat: Int) -> Bool {
        guard answers.indices.contains(seat) else { return false }
        return answers[seat].apply(event)
    }

    public mutating func record(_ timing: AnswerTiming, seat: Int) {
        guard answers.indices.contains(seat) else { return }
        answers[seat].record(timing)
    }

    /// Cancels every answer still open (the text so far is kept).
    public mutating func cancel() {
        for seat in answers.indices { answers[seat].cancel() }
    }

    /// Marks every answer still open as failed: its stream ended without a result.
    public mutating func endWithoutResult() {
        for seat in answers.indices { answers[seat].endWithoutResult() }
    }

    /// The turn as stored, each answer with its metrics (priced by its seat's model).
    public func turn(seats: [Seat]) -> BattleTurn {
        var live = self
        live.endWithoutResult()
        let answers = live.answers.enumerated().map { seat, answer in
            answer.answer(seatIndex: seat, prompt: conversations[seat],
                          price: seats.first { $0.index == seat }?.model.price)
        }
        return BattleTurn(index: index, prompt: prompt, createdAt: createdAt, answers: answers)
    }
}

extension Battle {
    /// The index the next turn gets.
    public var nextTurnIndex: Int { (turns.map(\.index).max() ?? -1) + 1 }

    /// Each seat's messages for a next turn asking `prompt`: the system prompt, the conversation
    /// so far (that seat's own answers), then `prompt`.
    public func conversations(adding prompt: String) -> [[ChatMessage]] {
        seats.map { seat in
            conversation(forSeat: seat.index, through: nextTurnIndex - 1) + [ChatMessage(role: .user, content: prompt)]
        }
    }

    /// A new turn asking every seat `prompt`, to be streamed into.
    public func beginTurn(prompt: String, at date: Date) -> LiveTurn {
        LiveTurn(index: nextTurnIndex, prompt: prompt, createdAt: date, conversations: conversations(adding: prompt))
    }

    /// Stores a finished live turn as the battle's next turn.
    public mutating func append(_ live: LiveTurn) {
        turns.append(live.turn(seats: seats))
    }
}

/// Identity words one seat's answer contained (in its text or its reasoning).
public struct SeatLeak: Sendable, Equatable {
    public var seat: Int
    public var words: [String]

    public init(seat: Int, words: [String]) {
        self.seat = seat
        self.words = words
    }
}

extension BattleTurn {
    /// The identity words per seat, answer text first, then reasoning: the one leak rule, shared by
    /// the screen's warning, the store's flag and the export.
    public var leaks: [SeatLeak] {
        answers.compactMap { answer in
            var words = IdentityLeakDetector.matches(in: answer.text)
            for word in IdentityLeakDetector.matches(in: answer.reasoning) where !words.contains(word) { words.append(word) }
            return words.isEmpty ? nil : SeatLeak(seat: answer.seatIndex, words: words)
        }
    }
}
