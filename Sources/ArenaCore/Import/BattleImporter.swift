import Foundation

/// Reads LMArena battle data (a JSON array or JSON Lines: `model_a`, `model_b`, `winner`,
/// `tstamp`, optional `conversation_a`/`conversation_b`, `turn`, `anony`, `judge`,
/// `question_id`) and arena's own pairwise export, into two-seat battles with their verdicts;
/// and arena's native battle lines (`BattleLine`, `--format arena-jsonl`), into the battles they
/// were, with every seat, turn and verdict (rankings included).
///
/// Each row becomes one battle whose id is derived from the row (arena's own rows: from their
/// battle id, turn and seats), so importing the same file twice adds nothing. Malformed rows are
/// reported with their line (JSONL) or position (JSON array) and skipped.
public enum BattleImporter {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var location: String
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    public struct Parsed: Sendable {
        public var battles: [StoredBattle]
        public var problems: [Problem]
    }

    struct Row: Decodable {
        var model_a: String
        var model_b: String
        var winner: String?
        var tstamp: Double?
        var turn: Int?
        var anony: Bool?
        var judge: String?
        var question_id: String?
        var conversation_a: [ExportRow.Message]?
        var conversation_b: [ExportRow.Message]?
        var battle_id: String?
        var turn_index: Int?
        var seat_a: String?
        var seat_b: String?
        var leaked_words: [String]?
        var system_prompt: String?
    }

    public static func parse(_ data: Data, file: String) -> Parsed {
        var battles: [StoredBattle] = []
        let problems = parse(data, file: file, batchSize: .max) { battles += $0 }
        return Parsed(battles: battles, problems: problems)
    }

    /// Streams the rows as batches of at most `batchSize` battles (duplicates within the file
    /// dropped), so a million-row file never sits in memory as battles; returns the malformed rows.
    /// `progress` is told how many bytes of `data` have been read, after each batch. A JSON array
    /// is read element by element (`JSONArrayElements`) too.
    public static func parse(_ data: Data, file: String, batchSize: Int, progress: (_ bytesRead: Int) -> Void = { _ in },
                             onBatch: ([StoredBattle]) throws -> Void) rethrows -> [Problem] {
        var position = 0
        let decoder = JSONDecoder()
        var batch: [StoredBattle] = []
        var problems: [Problem] = []
        var seen = Set<UUID>()
        func accept(_ result: Result<StoredBattle, ImportFailure>, location: @autoclosure () -> String) throws {
            switch result {
            case .success(let battle):
                if seen.insert(battle.battle.id).inserted { batch.append(battle) }
                if batch.count >= batchSize {
                    try onBatch(batch)
                    batch.removeAll(keepingCapacity: true)
                    progress(position)
                }
            case .failure(let failure):
                problems.append(Problem(location: location(), message: failure.message))
            }
        }
        let firstByte = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "[") {
            var row = 0
            let end = try data.withUnsafeBytes { bytes in
                try JSONArrayElements.scan(bytes) { range in
                    row += 1
                    position = range.upperBound
                    let location = "\(file): row \(row)"
                    guard range.first.map({ bytes[$0] == UInt8(ascii: "{") }) == true else {
                        problems.append(Problem(location: location, message: "not a JSON object"))
                        return
                    }
                    try accept(decode(Data(bytes[range]), decoder: decoder), location: location)
                }
            }
            if case .broken(let offset) = end {
                let place = offset >= data.count ? "it ends before its closing ]" : "it breaks at byte \(offset + 1) of \(data.count)"
                problems.append(Problem(location: file, message: "not a valid JSON array: \(place)"
                    + (row == 0 ? "" : "; the \(counted(row, "row")) before that were read")))
            }
        } else {
            var lineNumber = 0
            var start = data.startIndex
            while start < data.endIndex {
                let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
                let line = data[start..<end]
                start = end < data.endIndex ? data.index(after: end) : end
                position = start - data.startIndex
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                try accept(decode(Data(line), decoder: decoder), location: "\(file):\(lineNumber)")
            }
        }
        if !batch.isEmpty { try onBatch(batch) }
        progress(data.count)
        return problems
    }

    /// The base URL recorded for imported seats (parsed once: URL parsing is slow on Linux).
    static let importedBaseURL = URL(string: "import://lmarena")!

    struct ImportFailure: Error { var message: String }

    /// What marks a native battle line (`BattleLine`) among LMArena rows.
    static let battleLineMarker = Data("\"format\":\"arena-battle/".utf8)

    static func decode(_ data: Data, decoder: JSONDecoder) -> Result<StoredBattle, ImportFailure> {
        if data.range(of: battleLineMarker) != nil {
            do {
                return .success(try decoder.decode(BattleLine.self, from: data).storedBattle())
            } catch let error as DecodingError {
                return .failure(ImportFailure(message: describe(error)))
            } catch let error as BattleLineError {
                return .failure(ImportFailure(message: error.description))
            } catch {
                return .failure(ImportFailure(message: "not valid JSON"))
            }
        }
        let row: Row
        do { row = try decoder.decode(Row.self, from: data) } catch let error as DecodingError {
            return .failure(ImportFailure(message: describe(error)))
        } catch {
            return .failure(ImportFailure(message: "not valid JSON"))
        }
        return build(row)
    }

    static func build(_ row: Row) -> Result<StoredBattle, ImportFailure> {
        guard !row.model_a.isEmpty, !row.model_b.isEmpty else { return .failure(ImportFailure(message: "model_a and model_b must not be empty")) }
        guard row.model_a != row.model_b else { return .failure(ImportFailure(message: "model_a and model_b are the same model")) }
        let verdict: Verdict
        switch row.winner {
        case "model_a": verdict = .seat(0)
        case "model_b": verdict = .seat(1)
        case "tie": verdict = .tie
        case "tie (bothbad)": verdict = .bothBad
        case nil: return .failure(ImportFailure(message: "winner is missing (rows without a verdict are not imported)"))
        case let other?: return .failure(ImportFailure(message: "winner \"\(other)\" is not model_a, model_b, tie or tie (bothbad)"))
        }
        guard let tstamp = row.tstamp, tstamp.isFinite, tstamp > 0 else {
            return .failure(ImportFailure(message: "tstamp (unix seconds) is missing or invalid"))
        }
        let key = row.battle_id.map { "arena|\($0)|\(row.turn_index ?? 0)|\(row.seat_a ?? "")|\(row.seat_b ?? "")" }
            ?? "lmarena|\(row.question_id ?? "")|\(row.model_a)|\(row.model_b)|\(row.winner ?? "")|\(tstamp)|\(row.turn ?? 1)"
        let id = StableID.uuid(from: key)
        let date = Date(timeIntervalSince1970: tstamp)
        func model(_ name: String) -> ModelConfig {
            ModelConfig(name: name, baseURL: importedBaseURL, model: name)
        }
        let seats = [Seat(index: 0, model: model(row.model_a)), Seat(index: 1, model: model(row.model_b))]
        let turns = turnsFrom(a: row.conversation_a ?? [], b: row.conversation_b ?? [], date: date)
        let battle = Battle(id: id, createdAt: date, mode: .imported, blind: row.anony ?? true,
                            systemPrompt: row.system_prompt, seats: seats, turns: turns)
        let last = turns.count - 1
        let record = VerdictRecord(battleID: id, turnIndex: last, verdict: verdict, rater: row.judge ?? "imported", createdAt: date)
        let leaked = row.leaked_words ?? battle.leakedWords
        return .success(StoredBattle(battle: battle, verdicts: [last: record], leakedWords: leaked))
    }

    /// Pairs up the two conversations into turns; a row without conversations becomes one empty turn.
    static func turnsFrom(a: [ExportRow.Message], b: [ExportRow.Message], date: Date) -> [BattleTurn] {
        func split(_ messages: [ExportRow.Message]) -> [(String, String)] {
            var turns: [(String, String)] = []
            for message in messages {
                if message.role == "user" { turns.append((message.content, "")) } else if message.role == "assistant", !turns.isEmpty {
                    turns[turns.count - 1].1 += message.content
                }
            }
            return turns
        }
        let turnsA = split(a), turnsB = split(b)
        let count = max(turnsA.count, turnsB.count, 1)
        return (0..<count).map { index in
            let prompt = index < turnsA.count ? turnsA[index].0 : index < turnsB.count ? turnsB[index].0 : ""
            return BattleTurn(index: index, prompt: prompt, createdAt: date, answers: [
                Answer(seatIndex: 0, text: index < turnsA.count ? turnsA[index].1 : "", finishReason: .stop),
                Answer(seatIndex: 1, text: index < turnsB.count ? turnsB[index].1 : "", finishReason: .stop),
            ])
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "row" : path) has the wrong type"
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not a battle row"
        }
    }
}
