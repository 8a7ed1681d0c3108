import ArenaCore
@testable import ArenaStore
import Foundation
import GRDB
import Testing

/// Import's prepared inserts store exactly what GRDB's record inserts store: seeded random rows of
/// every table an import writes (nil and non-nil optionals, every enum), inserted both ways into
/// two new stores, compared column by column.
@Suite("Prepared inserts")
struct PreparedInsertsTests {
    static func randomRows(_ g: inout SeededGenerator) -> [any StoredRecord] {
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &g) ? value : nil }
        var rows: [any StoredRecord] = []
        for b in 0..<60 {
            let id = "battle-\(b)", seats = Int.random(in: 2...4, using: &g)
            let inSuite = Bool.random(using: &g)
            rows.append(BattleRow(id: id, created_at: Double.random(in: 0...2e9, using: &g),
                                  mode: [.ask, .screen, .run, .imported].randomElement(using: &g)!, blind: Bool.random(using: &g),
                                  system_prompt: maybe("Be brief, \(b)."), seat_count: seats,
                                  suite: inSuite ? "suite" : nil, prompt_id: inSuite ? "p\(b)" : nil, repeat_index: inSuite ? b % 3 : nil))
            for index in 0..<Int.random(in: 0...2, using: &g) { rows.append(LeakRow(battle_id: id, word_index: index, word: ["gpt", "claude"][index])) }
            for seat in 0..<seats {
                rows.append(SeatRow(battle_id: id, seat_index: seat, model_name: "model-\(seat)", provider: [.openai, .anthropic].randomElement(using: &g)!,
                                    model_id: "id-\(seat)", base_url: "http://127.0.0.1:\(8000 + seat)/v1"))
            }
            rows.append(TurnRow(battle_id: id, turn_index: 0, prompt: "Prompt “\(b)” 漢字", created_at: Double.random(in: 0...2e9, using: &g)))
            for seat in 0..<seats {
                let failed = Int.random(in: 0..<4, using: &g) == 0
                rows.append(AnswerRow(battle_id: id, turn_index: 0, seat_index: seat, text: "Answer \(seat)\nline two", reasoning: maybe("thinking") ?? "",
                                      finish_reason: failed ? .error : [.stop, .length, .cancelled].randomElement(using: &g)!,
                                      error_kind: failed ? .network : nil, error_message: failed ? "refused" : nil, error_status: failed ? maybe(503) : nil,
                                      ttft_ms: maybe(Double.random(in: 1...900, using: &g)), duration_ms: maybe(1500.25),
                                      input_tokens: maybe(12), output_tokens: maybe(Int.random(in: 0...4000, using: &g)), reasoning_tokens: maybe(7),
                                      tokens_estimated: Bool.random(using: &g), cost_usd: maybe(0.00042)))
            }
            let outcome = [VerdictOutcome.seat, .rank, .tie, .bad, .skip].randomElement(using: &g)!
            rows.append(VerdictRow(battle_id: id, turn_index: 0, outcome: outcome, winner_seat: outcome == .seat ? seats - 1 : nil,
                                   rater: "rater-\(b % 3)", created_at: 1.7e9 + Double(b), blind: Bool.random(using: &g),
                                   ranking: outcome == .rank ? "B>A" : nil))
        }
        return rows
    }

    static func contents(_ queue: DatabaseQueue) throws -> [String: [Row]] {
        try queue.read { db in
            var tables: [String: [Row]] = [:]
            for table in ["battle", "battle_leak", "seat", "turn", "answer", "verdict"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            return tables
        }
    }

    @Test func storeWhatRecordInsertsStore() throws {
        var g = SeededGenerator(seed: 0x1A5E)
        for _ in 0..<3 {
            let rows = Self.randomRows(&g)
            // Every one takes the prepared path, none GRDB's fallback.
            #expect(rows.allSatisfy { ColumnValues.of($0) != nil })
            let byRecord = try DatabaseQueue(), prepared = try DatabaseQueue()
            try StoreMigrations.migrator.migrate(byRecord)
            try StoreMigrations.migrator.migrate(prepared)
            try byRecord.write { db in for row in rows { try row.insert(db) } }
            try prepared.write { db in
                let inserts = PreparedInserts(db)
                for row in rows { try inserts.insert(row) }
            }
            let expected = try Self.contents(byRecord)
            #expect(expected["answer"]?.count ?? 0 > 100)
            #expect(try Self.contents(prepared) == expected)
        }
    }

    @Test func aFlatRecordEncodesEveryColumnInOrderWithNulls() throws {
        let row = TurnRow(battle_id: "b", turn_index: 2, prompt: "p", created_at: 1.5)
        let encoded = try #require(ColumnValues.of(row))
        #expect(encoded.columns == ["battle_id", "turn_index", "prompt", "created_at"])
        #expect(encoded.values == ["b".databaseValue, 2.databaseValue, "p".databaseValue, 1.5.databaseValue])
        let battle = BattleRow(id: "b", created_at: 0, mode: .ask, blind: true, system_prompt: nil, seat_count: 2)
        #expect(ColumnValues.of(battle)?.values.filter(\.isNull).count == 4)   // system prompt, suite, prompt id, repeat
        #expect(ColumnValues.of(["not": ["flat"]]) == nil)
    }
}
