import Testing
@testable import ArenaCore

/// Captured traffic must come back from its suite file exactly as it was sent, whatever it holds:
/// the parser is the oracle for the writer.
@Suite struct TrafficSuiteWriterTests {
    static let pieces = ["hello", " ", "  ", "\n", "\n\n", "\t", "{{", "}}", "{{ name }}", "\\", "\\{{", ":", ": ", "#", " #",
                         "- ", "\"", "'", "é", "日本語", "🙂", "null", "true", "~", "42", "0.5", "[a]", "{b: c}", "|", ">",
                         "&anchor", "*alias", "!tag", "%", "@", "`", "\r\n", "\u{0007}", "line  \nnext", " lead", "trail "]

    static func randomText(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...12, using: &random) { text += pieces.randomElement(using: &random)! }
        // The parser refuses whitespace-only messages; the gateway does not capture them.
        return text.allSatisfy(\.isWhitespace) ? text + "x" : text
    }

    static func randomPrompt(_ index: Int, _ random: inout SeededGenerator) -> SuitePrompt {
        var messages: [ChatMessage] = []
        if Bool.random(using: &random) { messages.append(ChatMessage(role: .system, content: randomText(&random))) }
        let turns = Int.random(in: 0...2, using: &random)
        for _ in 0..<turns {
            messages.append(ChatMessage(role: .user, content: randomText(&random)))
            messages.append(ChatMessage(role: .assistant, content: randomText(&random)))
        }
        messages.append(ChatMessage(role: .user, content: randomText(&random)))
        var params: GenerationParams?
        if Bool.random(using: &random) {
            params = GenerationParams(temperature: Bool.random(using: &random) ? Double(Int.random(in: 0...20, using: &random)) / 10 : nil,
                                      topP: Bool.random(using: &random) ? 0.9 : nil,
                                      maxTokens: Bool.random(using: &random) ? Int.random(in: 1...4096, using: &random) : nil,
                                      seed: Bool.random(using: &random) ? Int.random(in: -5...99, using: &random) : nil,
                                      stop: Bool.random(using: &random) ? [randomText(&random)] : nil)
            if params == GenerationParams() { params = nil }
        }
        let tags = Bool.random(using: &random) ? ["extraction"] : []
        return SuitePrompt(id: "t-\(index)", messages: messages, tags: tags,
                           notes: Bool.random(using: &random) ? randomText(&random) : "", params: params)
    }

    @Test func everyCapturedPromptReadsBackExactly() throws {
        var random = SeededGenerator(seed: 4141)
        for round in 0..<200 {
            let prompts = (0..<Int.random(in: 1...4, using: &random)).map { Self.randomPrompt($0, &random) }
            var text = try TrafficSuiteWriter.header(name: "support-traffic", description: Self.randomText(&random))
            for prompt in prompts { text += try TrafficSuiteWriter.entry(prompt) }
            let suite: PromptSuite
            do { suite = try SuiteParser(file: "support-traffic.yaml").parse(text) } catch {
                Issue.record("round \(round): \(error)\n\(text)")
                return
            }
            #expect(suite.name == "support-traffic")
            #expect(suite.tags == ["traffic"])
            #expect(suite.prompts == prompts, "round \(round):\n\(text)")
            if suite.prompts != prompts { return }
        }
    }

    @Test func aPromptMayCarryItsOwnParameters() throws {
        let text = """
            prompts:
              - id: a
                params: { temperature: 0.2, max_tokens: 64 }
                text: hi
            """
        let suite = try SuiteParser(file: "s.yaml").parse(text)
        #expect(suite.prompts[0].params == GenerationParams(temperature: 0.2, maxTokens: 64))
        let bad = "prompts:\n  - id: a\n    params: { temperature: 9 }\n    text: hi\n"
        #expect(throws: ConfigError.self) { try SuiteParser(file: "s.yaml").parse(bad) }
    }
}
