import Yams

/// Writes a held-out split into a suite file's text: a `split: dev` or `split: test` key on each
/// prompt, and nothing else changed — comments, order, quoting and layout stay as they were.
///
/// ```swift
/// let assignment = SuiteSplitWriter.assign(ids: suite.prompts.map(\.id), testShare: 0.3, seed: 7)
/// let text = try SuiteSplitWriter.write(original, file: path, assignment: assignment)
/// ```
///
/// A block-style prompt gets the key as its first line (`- split: test` then the old first key,
/// aligned under it); a flow-style one (`- { id: a, … }`) gets it after the brace. The result is
/// parsed again and must hold the same prompts with exactly the assigned splits, or nothing is
/// returned. Traps: a file that already has `split:` keys is refused (remove them to re-split).
public enum SuiteSplitWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `round(testShare × n)` prompts for test (at least one of each half when there are two or
    /// more), chosen by a seeded shuffle: the same ids and seed give the same split.
    public static func assign(ids: [String], testShare: Double, seed: UInt64) -> [String: PromptSplit] {
        var random = SeededGenerator(seed: seed)
        let shuffled = ids.shuffled(using: &random)
        var tests = Int((testShare * Double(ids.count)).rounded())
        if ids.count >= 2 { tests = min(max(tests, 1), ids.count - 1) }
        var assignment: [String: PromptSplit] = [:]
        for (index, id) in shuffled.enumerated() { assignment[id] = index < tests ? .test : .dev }
        return assignment
    }

    public static func write(_ text: String, file: String, assignment: [String: PromptSplit]) throws -> String {
        let parser = SuiteParser(file: file)
        let before = try parser.parse(text)
        if let marked = before.prompts.first(where: { $0.split != nil }) {
            throw Failure(description: "\(file): prompt \(marked.id) already has a split; remove the split: keys to split again")
        }
        guard Set(before.prompts.map(\.id)) == Set(assignment.keys) else {
            throw Failure(description: "\(file): the split does not name every prompt")
        }
        guard let root = try Yams.compose(yaml: text), case .mapping(let top) = root,
              let promptsNode = top.first(where: { $0.key.string == "prompts" })?.value,
              case .sequence(let items) = promptsNode else {
            throw Failure(description: "\(file): cannot find its prompts")
        }
        // (line, column) of each insertion, 1-based as Yams reports them.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        var insertions: [(line: Int, column: Int, text: String)] = []
        for item in items {
            guard case .mapping(let prompt) = item, let mark = item.mark,
                  let id = prompt.first(where: { $0.key.string == "id" })?.value.string, let split = assignment[id],
                  lines.indices.contains(mark.line - 1), mark.column - 1 < lines[mark.line - 1].count else {
                throw Failure(description: "\(file): cannot place the split of a prompt")
            }
            // A flow mapping's mark is its brace; a block mapping's, its first key.
            if lines[mark.line - 1][mark.column - 1] == "{" {
                insertions.append((mark.line, mark.column + 1, " split: \(split.rawValue),"))
            } else {
                insertions.append((mark.line, mark.column, "split: \(split.rawValue)\n" + String(repeating: " ", count: mark.column - 1)))
            }
        }
        for insertion in insertions.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            let index = insertion.line - 1, offset = insertion.column - 1
            guard lines.indices.contains(index), offset <= lines[index].count else {
                throw Failure(description: "\(file): line \(insertion.line) is not where its prompt was read")
            }
            lines[index].insert(contentsOf: insertion.text.unicodeScalars, at: offset)
        }
        var result = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { result += "\n" }
            result.unicodeScalars.append(contentsOf: line)
        }
        // The check: the same suite, now split as assigned.
        let after = try parser.parse(result)
        var expected = before
        for index in expected.prompts.indices { expected.prompts[index].split = assignment[expected.prompts[index].id] }
        guard after == expected else {
            throw Failure(description: "\(file): writing the split would change the suite; mark the prompts by hand")
        }
        return result
    }
}
