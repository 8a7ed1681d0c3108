import Foundation

/// Everything ranking reads from one verdict except when it was cast and which battle it was:
/// who voted, the verdict, whether it was blind and leak-free, and each seat's model and whether
/// its answer can count. Verdicts of one shape rank alike, so a store can keep how many verdicts
/// have each shape (its ranking tallies) and a leaderboard reads those few rows instead of every
/// verdict.
///
/// ```swift
/// let shape = RankingShape(vote: vote)
/// RankingShape(code: shape.code) == shape   // the stored form reads back
/// ```
///
/// Traps: no time in it, so what filters by date (`--since`, the daily cap, Elo's order) must
/// read the verdicts themselves.
public struct RankingShape: Sendable, Hashable {
    public struct Seat: Sendable, Hashable {
        public var seatIndex: Int
        public var model: String
        /// The answer can take part: complete, non-empty and error-free (`Answer.canWin`), or,
        /// for an imported battle judged elsewhere (which may carry no text), not failed.
        public var counts: Bool

        public init(seatIndex: Int, model: String, counts: Bool) {
            self.seatIndex = seatIndex
            self.model = model
            self.counts = counts
        }
    }

    public var rater: String
    public var verdict: Verdict
    /// The names were hidden when the battle was fought and when this verdict was cast.
    public var blind: Bool
    /// The identity-leak guard flagged the battle.
    public var leaked: Bool
    /// By seat index: the seats of the voted turn that have an answer.
    public var seats: [Seat]

    public init(rater: String, verdict: Verdict, blind: Bool, leaked: Bool, seats: [Seat]) {
        self.rater = rater
        self.verdict = verdict
        self.blind = blind
        self.leaked = leaked
        self.seats = seats
    }

    /// The shape of one vote.
    public init(vote: RankingVote) {
        let imported = vote.mode == .imported
        self.init(rater: vote.record.rater, verdict: vote.record.verdict,
                  blind: vote.battleBlind && vote.record.blind, leaked: vote.leaked,
                  seats: vote.contenders.map { contender in
                      Seat(seatIndex: contender.seatIndex, model: contender.model,
                           counts: imported ? !contender.failed : contender.canWin)
                  })
    }
}

extension RankingShape {
    /// The stored form: a format version, then every field as `<UTF-8 length>:<bytes>`, so any
    /// rater or model name reads back exactly. A ranking's code is read with its seat count.
    public var code: String {
        var fields = ["1", rater, verdict.code, String(rankingSeatCount), blind ? "1" : "0", leaked ? "1" : "0"]
        for seat in seats { fields += [String(seat.seatIndex), seat.counts ? "1" : "0", seat.model] }
        return LengthPrefixedFields.join(fields)
    }

    /// Reads `code` back; nil for anything `code` does not write.
    public init?(code: String) {
        guard let fields = LengthPrefixedFields.split(code), fields.count >= 6, (fields.count - 6) % 3 == 0, fields[0] == "1",
              let seatCount = Int(fields[3]), (1...SeatLabels.maximum).contains(seatCount),
              let verdict = Verdict(code: fields[2], seatCount: seatCount),
              let blind = Self.flag(fields[4]), let leaked = Self.flag(fields[5]) else { return nil }
        var seats: [Seat] = []
        var index = 6
        while index < fields.count {
            guard let seatIndex = Int(fields[index]), (0..<SeatLabels.maximum).contains(seatIndex),
                  let counts = Self.flag(fields[index + 1]) else { return nil }
            seats.append(Seat(seatIndex: seatIndex, model: fields[index + 2], counts: counts))
            index += 3
        }
        self.init(rater: fields[1], verdict: verdict, blind: blind, leaked: leaked, seats: seats)
        guard self.code == code else { return nil }
    }

    private var rankingSeatCount: Int {
        if case .ranking(let ranking) = verdict { return ranking.seatCount }
        return SeatLabels.maximum
    }

    private static func flag(_ text: String) -> Bool? {
        switch text {
        case "1": true
        case "0": false
        default: nil
        }
    }
}

/// Strings joined so that any of them, whatever it contains, splits back out: each written as its
/// UTF-8 length in decimal, a colon, then its bytes.
public enum LengthPrefixedFields {
    public static func join(_ fields: [String]) -> String {
        var text = ""
        for field in fields {
            text += String(field.utf8.count)
            text += ":"
            text += field
        }
        return text
    }

    /// The fields of `join`'s output; nil when `text` is not such a string (or a length cuts a
    /// character in two).
    public static func split(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        var fields: [String] = []
        var position = 0
        while position < bytes.count {
            var length = 0
            var digits = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                length = length * 10 + Int(bytes[position] - 0x30)
                position += 1
                digits += 1
                if digits > 9 { return nil }
            }
            guard digits > 0, position < bytes.count, bytes[position] == 0x3A else { return nil }
            position += 1
            guard length <= bytes.count - position else { return nil }
            guard let field = String(validating: bytes[position..<(position + length)], as: UTF8.self) else { return nil }
            fields.append(field)
            position += length
        }
        return fields
    }
}
