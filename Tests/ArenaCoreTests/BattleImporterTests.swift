import ArenaCore
import Foundation
import Testing

@Suite("Import of LMArena battle data")
struct BattleImporterTests {
    let jsonl = """
        {"question_id":"q1","model_a":"alpha","model_b":"beta","winner":"model_a","tstamp":1700000000.5,"turn":1,"anony":true,"conversation_a":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"conversation_b":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"}]}
        {"model_a":"alpha","model_b":"gamma","winner":"tie (bothbad)","tstamp":1700000100}
        {"model_a":"alpha","model_b":"beta","winner":"model_c","tstamp":1700000200}
        {"model_b":"beta","winner":"tie","tstamp":1700000300}
        not json at all

        {"model_a":"beta","model_b":"gamma","winner":"tie","tstamp":1700000400,"anony":false}
        """

    /// Progress is told the bytes read after each batch, in order, ending at the whole file.
    @Test func progressFollowsTheBatchesToTheEnd() {
        let lines = (0..<7).map { #"{"model_a":"a","model_b":"b","winner":"tie","tstamp":\#(1_700_000_000 + $0)}"# }
        let data = Data(lines.joined(separator: "\n").utf8)
        var reported: [Int] = []
        var batches: [Int] = []
        _ = BattleImporter.parse(data, file: "f", batchSize: 3, progress: { reported.append($0) }) { batches.append($0.count) }
        #expect(batches == [3, 3, 1])
        let lineLength = lines[0].utf8.count + 1
        #expect(reported == [3 * lineLength, 6 * lineLength, data.count])
    }

    @Test func importsGoodRowsAndReportsBadOnesByLine() {
        let parsed = BattleImporter.parse(Data(jsonl.utf8), file: "battles.jsonl")
        #expect(parsed.battles.count == 3)
        #expect(parsed.problems.map(\.description) == [
            "battles.jsonl:3: winner \"model_c\" is not model_a, model_b, tie or tie (bothbad)",
            "battles.jsonl:4: model_a is missing",
            "battles.jsonl:5: not valid JSON",
        ])
        let first = parsed.battles[0]
        #expect(first.battle.seats.map(\.model.name) == ["alpha", "beta"])
        #expect(first.verdicts[0]?.verdict == .seat(0))
        #expect(first.battle.turns[0].prompt == "Hi")
        #expect(first.battle.turns[0].answers.map(\.text) == ["Hello", "Yo"])
        #expect(parsed.battles[1].verdicts[0]?.verdict == .bothBad)
        #expect(parsed.battles[2].battle.blind == false)
    }

    @Test func idsAreStableAcrossParses() {
        let once = BattleImporter.parse(Data(jsonl.utf8), file: "a").battles.map(\.battle.id)
        let twice = BattleImporter.parse(Data(jsonl.utf8), file: "b").battles.map(\.battle.id)
        #expect(once == twice)
        #expect(Set(once).count == 3)
    }

    @Test func readsAJSONArrayAndArenasOwnExport() throws {
        let array = #"[{"model_a":"x","model_b":"y","winner":"model_b","tstamp":1},{"model_a":"x"}]"#
        let parsed = BattleImporter.parse(Data(array.utf8), file: "clean_battle.json")
        #expect(parsed.battles.count == 1)
        #expect(parsed.problems.map(\.description) == ["clean_battle.json: row 2: model_b is missing"])

        let stored = ExportTests.stored(seats: 3, verdict: .seat(2))
        let lines = try BattleExporter.rows(for: stored).map { try ExportFormat.jsonl.line($0) }.joined()
        let reimported = BattleImporter.parse(Data(lines.utf8), file: "export.jsonl")
        #expect(reimported.problems.isEmpty)
        #expect(reimported.battles.count == 2)
        #expect(reimported.battles.allSatisfy { $0.verdicts.values.first?.rater == "alice" })
    }
}
