/// A place in a battle: a blind label (A, B, …) with the model that sits there.
public struct Seat: Sendable, Equatable, Codable {
    /// 0-based position in the battle (left to right).
    public var index: Int
    public var model: ModelConfig

    public init(index: Int, model: ModelConfig) {
        self.index = index
        self.model = model
    }

    /// "A", "B", … — the only name shown before the vote.
    public var label: String { SeatLabels.label(for: index) }
}

/// Blind seat labels and the keys that vote for them.
public enum SeatLabels {
    /// Battles seat at most this many models (keys 1–8 / a–h).
    public static let maximum = 8

    public static func label(for index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }

    /// The seat index a label names ("A", "b", "1" …), if any.
    public static func index(of text: String, seatCount: Int) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let number = Int(trimmed), (1...seatCount).contains(number) { return number - 1 }
        guard trimmed.count == 1, let scalar = trimmed.unicodeScalars.first, scalar.isASCII else { return nil }
        let index = Int(scalar.value) - 65
        return (0..<seatCount).contains(index) ? index : nil
    }
}

/// Shuffles models into seats; a fresh order per battle keeps position from giving models away.
public enum SeatShuffler {
    public static func seats<G: RandomNumberGenerator>(for models: [ModelConfig], using generator: inout G) -> [Seat] {
        models.shuffled(using: &generator).enumerated().map { Seat(index: $0.offset, model: $0.element) }
    }
}

import Foundation
