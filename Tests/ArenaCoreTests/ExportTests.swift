import ArenaCore
import Foundation
import Testing

@Suite("Export in LMArena's battle schema")
struct ExportTests {
    static func stored(seats: Int, verdict: Verdict?, failed: Set<Int> = []) -> StoredBattle {
        let models = (0..<seats).map { ModelConfig(name: "m\($0)", baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: "id\($0)") }
        let answers = (0..<seats).map { index in
            failed.contains(index)
                ? Answer(seatIndex: index, text: "", finishReason: .error, error: ProviderError(.serverError, "boom", status: 500))
                : Answer(seatIndex: index, text: "answer \(index)", finishReason: .stop,
                         metrics: AnswerMetrics(ttftMs: 100, durationMs: 900, outputTokens: 12, tokensEstimated: true))
        }
        let battle = Battle(id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
                            createdAt: Date(timeIntervalSince1970: 1_700_000_000), mode: .ask, blind: true,
                            systemPrompt: nil, seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) },
                            turns: [BattleTurn(index: 0, prompt: "Q?", createdAt: Date(timeIntervalSince1970: 1_700_000_000), answers: answers)])
        let verdicts = verdict.map { [0: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: $0, rater: "alice",
                                                      createdAt: Date(timeIntervalSince1970: 1_700_000_100))] } ?? [:]
        return StoredBattle(battle: battle, verdicts: verdicts, leakedWords: [])
    }

    @Test func twoSeatsGiveOneRowInLMArenaShape() throws {
        let rows = BattleExporter.rows(for: Self.stored(seats: 2, verdict: .seat(1)))
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.model_a == "m0" && row.model_b == "m1" && row.winner == "model_b")
        #expect(row.turn == 1 && row.anony && row.tstamp == 1_700_000_100 && row.judge == "alice")
        #expect(row.conversation_a.map(\.role) == ["user", "assistant"])
        #expect(row.conversation_b.last?.content == "answer 1")
        #expect(row.seat_a == "A" && row.seat_b == "B" && row.verdict == "B")
        #expect(row.output_tokens_a == 12 && row.tokens_estimated_a)
    }

    @Test func winnerOfFourBeatsEachOtherSeat() {
        let rows = BattleExporter.rows(for: Self.stored(seats: 4, verdict: .seat(2)))
        #expect(rows.map { "\($0.seat_a)\($0.seat_b):\($0.winner ?? "-")" }
                == ["AC:model_b", "BC:model_b", "CD:model_a"])
    }

    @Test func tiesCoverEveryPairAndFailedSeatsAreLeftOut() {
        let rows = BattleExporter.rows(for: Self.stored(seats: 3, verdict: .bothBad, failed: [1]))
        #expect(rows.map { "\($0.seat_a)\($0.seat_b):\($0.winner ?? "-")" } == ["AC:tie (bothbad)"])
    }

    @Test func unvotedAndSkippedTurnsOnlyWithAll() {
        #expect(BattleExporter.rows(for: Self.stored(seats: 2, verdict: nil)).isEmpty)
        #expect(BattleExporter.rows(for: Self.stored(seats: 2, verdict: .skip)).isEmpty)
        let all = BattleExporter.rows(for: Self.stored(seats: 2, verdict: nil), includeUnvoted: true)
        #expect(all.count == 1 && all[0].winner == nil)
    }

    @Test func jsonlAndCSVAreWellFormed() throws {
        let row = try #require(BattleExporter.rows(for: Self.stored(seats: 2, verdict: .tie)).first)
        let line = try ExportFormat.jsonl.line(row)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["model_a", "model_b", "winner", "tstamp", "turn", "anony", "conversation_a", "conversation_b", "question_id"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["winner"] as? String == "tie")
        let csv = try ExportFormat.csv.line(row)
        #expect(csv.hasPrefix("00000000-0000-0000-0000-000000000001-0,m0,m1,tie,alice,1,true,,"))
        #expect(csv.contains("\"[{\"\"content\"\":\"\"Q?\"\",\"\"role\"\":\"\"user\"\"}"))
        #expect(ExportFormat.csv.header?.hasPrefix("question_id,model_a,model_b,winner") == true)
    }

    /// The README's columns, exactly and in order; a renamed `ExportRow` property cannot empty one.
    @Test func csvHeaderListsExactlyTheDocumentedColumns() throws {
        let documented = [
            "question_id", "model_a", "model_b", "winner", "judge", "turn", "anony", "language", "tstamp",
            "conversation_a", "conversation_b", "battle_id", "turn_index", "mode", "system_prompt", "seat_a", "seat_b",
            "seat_count", "verdict", "leaked", "leaked_words", "finish_reason_a", "finish_reason_b", "error_a", "error_b",
            "ttft_ms_a", "ttft_ms_b", "duration_ms_a", "duration_ms_b", "input_tokens_a", "input_tokens_b",
            "output_tokens_a", "output_tokens_b", "tokens_estimated_a", "tokens_estimated_b", "cost_usd_a", "cost_usd_b",
            "resolved_model_a", "resolved_model_b", "fingerprint_a", "fingerprint_b",
        ]
        #expect(ExportFormat.csv.header == documented.joined(separator: ",") + "\r\n")
        // Every key of the JSON line (nil fields are left out there) is a CSV column: one set of names.
        let row = try #require(BattleExporter.rows(for: Self.stored(seats: 2, verdict: .tie)).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try ExportFormat.jsonl.line(row).utf8)) as? [String: Any])
        #expect(Set(documented).isSuperset(of: object.keys), "\(Set(object.keys).subtracting(documented))")
        let cells = try ExportFormat.csv.line(row)
        #expect(cells.hasSuffix("\r\n"))
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSV.quote("plain") == "plain")
        #expect(CSV.quote("a,b") == "\"a,b\"")
        #expect(CSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.quote("two\nlines") == "\"two\nlines\"")
    }
}
