@testable import ArenaCore
import Foundation
import Testing

/// `JSONArrayElements` against the oracle of `JSONSerialization` parsing the whole array, over
/// seeded random arrays: the same elements, in order; and, cut short anywhere, a prefix of them.
@Suite struct JSONArrayElementsTests {
    struct ValueWriter {
        var random: SeededGenerator
        mutating func space() -> String { Int.random(in: 0..<4, using: &random) == 0 ? [" ", "\n", "\t", "\r\n  "].randomElement(using: &random)! : "" }
        mutating func string() -> String {
            let pieces = ["a", "", "]", "[", "}", "{", ",", "\\\"", "\\\\", "\\n", "é", "🙂", "\\u005d", "\\/", "model_a"]
            return "\"" + (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\""
        }
        mutating func value(depth: Int) -> String {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &random) {
            case 0: return string()
            case 1: return ["0", "-1.5", "1700000000.25", "2e3", "17"].randomElement(using: &random)!
            case 2: return ["true", "false"].randomElement(using: &random)!
            case 3: return "null"
            case 4: return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in space() + value(depth: depth + 1) + space() }.joined(separator: ",") + "]"
            default: return object(depth: depth + 1)
            }
        }
        mutating func object(depth: Int) -> String {
            "{" + (0..<Int.random(in: 0...4, using: &random)).map { _ in space() + string() + space() + ":" + space() + value(depth: depth) + space() }
                .joined(separator: ",") + "}"
        }
        mutating func array() -> String {
            let count = Int.random(in: 0...6, using: &random)
            let elements = (0..<count).map { _ in space() + (Int.random(in: 0..<5, using: &random) == 0 ? value(depth: 1) : object(depth: 0)) + space() }
            return space() + "[" + elements.joined(separator: ",") + (count == 0 ? space() : "") + "]" + space()
        }
    }

    static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }

    static func elements(_ text: String) -> ([Data], JSONArrayElements.End) {
        let data = Data(text.utf8)
        var found: [Data] = []
        let end = data.withUnsafeBytes { bytes in JSONArrayElements.scan(bytes) { found.append(Data(bytes[$0])) } }
        return (found, end)
    }

    @Test func findsTheElementsJSONSerializationFinds() throws {
        var writer = ValueWriter(random: SeededGenerator(seed: 2026_12_03))
        for _ in 0..<3_000 {
            let text = writer.array()
            let whole = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? [Any], "\(text)")
            let (found, end) = Self.elements(text)
            #expect(end == .complete, "\(text)")
            #expect(found.count == whole.count, "\(text)")
            for (piece, expected) in zip(found, whole) {
                let parsed = try JSONSerialization.jsonObject(with: piece, options: .fragmentsAllowed)
                #expect(try Self.canonical(parsed) == Self.canonical(expected), "\(text)")
            }
            // Cut short anywhere before its `]`: broken, and what was found is a prefix of the elements.
            let bytes = Array(text.utf8)
            let closing = try #require(bytes.lastIndex(of: UInt8(ascii: "]")))
            let cut = Int.random(in: 0..<closing + 1, using: &writer.random)
            let (prefix, cutEnd) = Self.elements(String(decoding: bytes[..<cut], as: UTF8.self))
            #expect(cutEnd != .complete, "\(text) cut at \(cut)")
            #expect(prefix.count <= found.count && Array(found.prefix(prefix.count)) == prefix, "\(text) cut at \(cut)")
        }
    }

    @Test(arguments: [("", JSONArrayElements.End.broken(at: 0)), ("  {}", .broken(at: 2)), ("[", .broken(at: 1)),
                      ("[1,2", .broken(at: 4)), ("[1] x", .broken(at: 4)), ("[1}", .broken(at: 2)), ("[] ", .complete), ("[ ]", .complete)])
    func brokenArraysSayWhere(_ text: String, _ end: JSONArrayElements.End) {
        #expect(Self.elements(text).1 == end)
    }

    /// An array imports as the same battles (the same ids) as the rows one by one did before,
    /// when the whole array went through JSONSerialization and each element was written out again.
    @Test func anArrayImportsAsItsRowsDid() throws {
        let rows = (0..<50).map { index in
            #"{"model_a": "m\#(index % 7)", "model_b": "n\#(index % 5)", "winner": "\#(["model_a", "model_b", "tie", "tie (bothbad)"][index % 4])", "tstamp": \#(1_700_000_000.0 + Double(index) * 1.37), "question_id": "q\#(index)", "conversation_a": [{"role": "user", "content": "Hi, \"you\" [\#(index)]"}, {"role": "assistant", "content": "Hello}"}], "turn": 1}"#
        }
        let array = "[\n" + rows.joined(separator: ",\n") + "\n]"
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(array.utf8)) as? [Any])
        let lines = try whole.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        let fromArray = BattleImporter.parse(Data(array.utf8), file: "clean_battle.json")
        let fromLines = BattleImporter.parse(Data(lines.utf8), file: "rows.jsonl")
        #expect(fromArray.problems.isEmpty && fromArray.battles.count == 50)
        #expect(fromArray.battles == fromLines.battles)
    }

    @Test func aCutArrayKeepsItsRowsAndSaysWhereItBroke() {
        let text = #"[{"model_a":"x","model_b":"y","winner":"model_b","tstamp":1}, 5, {"model_a":"x","model_b":"z","winner":"tie","tstamp":2}, {"model_a":"#
        let parsed = BattleImporter.parse(Data(text.utf8), file: "f.json")
        #expect(parsed.battles.count == 2)
        #expect(parsed.problems.map(\.description) == [
            "f.json: row 2: not a JSON object",
            "f.json: not a valid JSON array: it ends before its closing ]; the 3 rows before that were read",
        ])
    }
}
