@testable import ArenaStore
import ArenaCore
import Foundation
import GRDB
import Testing

/// `ColumnRow.values` (what the prepared inserts bind) against the oracle of GRDB's own
/// `Codable` encoding of the same record (what `insert(db)` would write), over seeded random rows:
/// the same columns, and the same value and storage class in each.
@Suite struct StoreRecordColumnsTests {
    static func assertMatchesEncoding<Row: ColumnRow>(_ row: Row, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = try row.databaseDictionary
        let values = row.values
        #expect(values.count == Row.columns.count, "\(Row.self): \(values.count) values for \(Row.columns.count) columns",
                sourceLocation: sourceLocation)
        #expect(Set(Row.columns) == Set(encoded.keys), "\(Row.self) columns", sourceLocation: sourceLocation)
        for (column, value) in zip(Row.columns, values) {
            let expected = encoded[column] ?? .null
            // The description tells the storage class apart (1 and 1.0), which == does not.
            #expect(value == expected && value.description == expected.description,
                    "\(Row.self).\(column): \(value) bound, \(expected) encoded", sourceLocation: sourceLocation)
        }
    }

    struct Values {
        var random: SeededGenerator
        mutating func text() -> String {
            let pieces = ["", "a", "model-7", "é", "日本", "🙂", "'; DROP TABLE battle; --", "line\nbreak", "\0nul"]
            return (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        mutating func maybe<T>(_ make: (inout Values) -> T) -> T? { Bool.random(using: &random) ? make(&self) : nil }
        mutating func int() -> Int { [0, 1, -1, 7, Int.max, Int.min, Int.random(in: -1000...1000, using: &random)].randomElement(using: &random)! }
        mutating func double() -> Double {
            [0, 1, -0.5, 1_700_000_000.25, 3, Double.random(in: -1e6...1e6, using: &random)].randomElement(using: &random)!
        }
        mutating func bool() -> Bool { Bool.random(using: &random) }
        mutating func pick<T: CaseIterable>(_: T.Type) -> T { T.allCases.randomElement(using: &random)! }
    }

    @Test func everyRowBindsWhatItsEncodingWrites() throws {
        var v = Values(random: SeededGenerator(seed: 2026_12_03))
        for _ in 0..<300 {
            try Self.assertMatchesEncoding(BattleRow(id: v.text(), created_at: v.double(), mode: v.pick(BattleMode.self), blind: v.bool(),
                                                     system_prompt: v.maybe { $0.text() }, seat_count: v.int(), suite: v.maybe { $0.text() },
                                                     prompt_id: v.maybe { $0.text() }, repeat_index: v.maybe { $0.int() }))
            try Self.assertMatchesEncoding(LeakRow(battle_id: v.text(), word_index: v.int(), word: v.text()))
            try Self.assertMatchesEncoding(SeatRow(battle_id: v.text(), seat_index: v.int(), model_name: v.text(),
                                                   provider: v.pick(ProviderKind.self), model_id: v.text(), base_url: v.text()))
            try Self.assertMatchesEncoding(TurnRow(battle_id: v.text(), turn_index: v.int(), prompt: v.text(), created_at: v.double()))
            try Self.assertMatchesEncoding(AnswerRow(
                battle_id: v.text(), turn_index: v.int(), seat_index: v.int(), text: v.text(), reasoning: v.text(),
                finish_reason: v.pick(FinishReason.self), error_kind: v.maybe { $0.pick(ProviderError.Kind.self) },
                error_message: v.maybe { $0.text() }, error_status: v.maybe { $0.int() }, ttft_ms: v.maybe { $0.double() },
                duration_ms: v.maybe { $0.double() }, input_tokens: v.maybe { $0.int() }, output_tokens: v.maybe { $0.int() },
                reasoning_tokens: v.maybe { $0.int() }, tokens_estimated: v.bool(), cost_usd: v.maybe { $0.double() },
                served_model: v.maybe { $0.text() }, served_fingerprint: v.maybe { $0.text() }))
            try Self.assertMatchesEncoding(VerdictRow(battle_id: v.text(), turn_index: v.int(), outcome: v.pick(VerdictOutcome.self),
                                                      winner_seat: v.maybe { $0.int() }, rater: v.text(), created_at: v.double(),
                                                      blind: v.bool(), ranking: v.maybe { $0.text() }))
        }
    }

    /// A battle written through the prepared inserts reads back as it was, with its verdict.
    @Test func importedBattleReadsBack() throws {
        let path = BattleStoreTests.temporaryPath()
        let store = try BattleStore(path: path)
        var battle = BattleStoreTests.battle()
        battle.systemPrompt = "be brief"
        let verdict = VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .tie, rater: "me", createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        let stored = StoredBattle(battle: battle, verdicts: [0: verdict], leakedWords: ["acme"])
        #expect(try store.importBattles([stored]) == 1)
        #expect(try store.importBattles([stored]) == 0)
        let back = try #require(try store.battle(id: battle.id))
        #expect(back.battle.turns == battle.turns)
        #expect(back.battle.systemPrompt == "be brief" && back.battle.blind && back.battle.mode == .ask)
        #expect(back.battle.seats.map(\.model.name) == ["smol", "tiny"] && back.battle.seats.map(\.model.model) == ["id-smol", "id-tiny"])
        #expect(back.verdicts == stored.verdicts)
        #expect(back.leakedWords == ["acme"])
    }
}
