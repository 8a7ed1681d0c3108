import ArenaCore
import Foundation
import Testing

/// Writing a split into real suite files (block and flow prompts, block scalars, comments,
/// conversations): every shipped suite, several seeds, re-read and compared with the original
/// plus exactly the assigned splits; the rest of the text is left as it was.
@Suite struct SuiteSplitWriterTests {
    static func shippedSuites() throws -> [(path: String, text: String)] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../prompts").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            let path = directory.appendingPathComponent(name).path
            return (path, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    @Test func everyShippedSuiteSplitsAndReadsBackTheSame() throws {
        let suites = try Self.shippedSuites()
        #expect(suites.count >= 3)
        for (path, text) in suites {
            let suite = try SuiteParser(file: path).parse(text)
            for seed in UInt64(1)...4 {
                let assignment = SuiteSplitWriter.assign(ids: suite.prompts.map(\.id), testShare: 0.3, seed: seed)
                let written = try SuiteSplitWriter.write(text, file: path, assignment: assignment)
                let split = try SuiteParser(file: path).parse(written)
                #expect(split.prompts.map(\.id) == suite.prompts.map(\.id))
                #expect(split.prompts.map(\.messages) == suite.prompts.map(\.messages))
                #expect(split.prompts.map { $0.split } == suite.prompts.map { assignment[$0.id] })
                // Only lines were added or split at a key: every original line's text is still there.
                let added = written.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { $0.contains("split: ") }.count
                #expect(added == suite.prompts.count, "\(path)")
                #expect(written.replacingOccurrences(of: #"split: (dev|test)\n *"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #" split: (dev|test),"#, with: "", options: .regularExpression) == text, "\(path)")
            }
        }
    }

    @Test func theShareIsHeldOutAndTheSameSeedGivesTheSameSplit() {
        let ids = (0..<10).map { "p\($0)" }
        let first = SuiteSplitWriter.assign(ids: ids, testShare: 0.3, seed: 9)
        #expect(first.values.filter { $0 == .test }.count == 3)
        #expect(SuiteSplitWriter.assign(ids: ids, testShare: 0.3, seed: 9) == first)
        #expect(SuiteSplitWriter.assign(ids: ids, testShare: 0.3, seed: 10) != first)
        #expect(SuiteSplitWriter.assign(ids: ["a", "b"], testShare: 0.01, seed: 1).values.sorted { $0.rawValue < $1.rawValue } == [.dev, .test])
    }

    @Test func aFileThatIsAlreadySplitIsLeftAlone() throws {
        let text = "prompts:\n  - { id: a, text: hi, split: dev }\n  - { id: b, text: ho }\n"
        #expect(throws: SuiteSplitWriter.Failure.self) {
            try SuiteSplitWriter.write(text, file: "s.yaml", assignment: ["a": .test, "b": .dev])
        }
        let block = "# a comment\nprompts:\n  - id: a\n    text: |\n      two\n      lines\n  - text: first\n    id: b\n"
        let written = try SuiteSplitWriter.write(block, file: "s.yaml", assignment: ["a": .test, "b": .dev])
        #expect(written == "# a comment\nprompts:\n  - split: test\n    id: a\n    text: |\n      two\n      lines\n  - split: dev\n    text: first\n    id: b\n")
        // Flow style, beside block style (the shipped suites are all block style).
        let flow = "prompts:\n  - { id: a, text: 'A?' }\n  -   {id: b, text: B}\n  - id: c\n    text: C\n"
        #expect(try SuiteSplitWriter.write(flow, file: "s.yaml", assignment: ["a": .test, "b": .dev, "c": .dev])
                == "prompts:\n  - { split: test, id: a, text: 'A?' }\n  -   { split: dev,id: b, text: B}\n  - split: dev\n    id: c\n    text: C\n")
    }
}
