import ArenaCore
import Foundation
import Testing

/// The example suites in the repo's `prompts/` folder must stay valid and useful.
@Suite("Shipped suites")
struct ShippedSuitesTests {
    /// `<repo>/prompts`, from this file's location `<repo>/Tests/ArenaCoreTests/…`.
    static let promptsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("prompts").path

    static let names = ["code-review", "customer-support", "extraction-json", "summarisation"]
    /// Prompts that show Go template syntax through the `\{{` escape.
    static let literalBraces: Set<String> = ["go-template-xss"]

    @Test func theFourSuitesAreListedAndNoneIsBroken() {
        let entries = SuiteLibrary(directories: [Self.promptsDirectory]).list()
        #expect(entries.map(\.name) == Self.names)
        for entry in entries {
            #expect(entry.error == nil, "\(entry.error?.description ?? "")")
        }
    }

    @Test(arguments: names)
    func suiteIsRealistic(name: String) throws {
        let suite = try SuiteLibrary.load(path: "\(Self.promptsDirectory)/\(name).yaml")
        #expect(suite.name == name)
        #expect(!suite.description.isEmpty)
        #expect(!suite.tags.isEmpty)
        #expect((8...15).contains(suite.prompts.count), "\(suite.prompts.count) prompts")
        #expect(suite.system.map { $0.count > 100 } == true, "needs a real system prompt")
        #expect((300...600).contains(suite.params.maxTokens ?? 0))
        #expect(suite.prompts.filter(\.notes.isEmpty).map(\.id) == [])
        #expect(suite.prompts.filter(\.tags.isEmpty).map(\.id) == [])
        #expect(suite.prompts.contains { $0.messages.count >= 3 }, "one multi-turn prompt")
        for prompt in suite.prompts {
            let conversation = suite.conversation(for: prompt)
            #expect(conversation.first?.role == .system)
            #expect(conversation.last?.role == .user)
            if !Self.literalBraces.contains(prompt.id) {
                #expect(!conversation.contains { $0.content.contains("{{") }, "\(prompt.id): an unrendered {{")
            }
        }
    }

    @Test func varsAreFilledAndEscapesRenderLiterally() throws {
        let support = try SuiteLibrary.load(path: "\(Self.promptsDirectory)/customer-support.yaml")
        #expect(support.system?.hasPrefix("You are Priya, a customer support agent at Kettle & Crane") == true)
        let refund = try #require(support.prompt(id: "refund-outside-policy")?.text)
        #expect(refund.contains("I bought the Alto 2 conical burr grinder ($189) from you 47 days ago"))

        let review = try SuiteLibrary.load(path: "\(Self.promptsDirectory)/code-review.yaml")
        let xss = try #require(review.prompt(id: "go-template-xss"))
        #expect(xss.text.contains("<h1>{{ .DisplayName }}</h1>"))
        #expect(!xss.text.contains("\\{{"))

        let summaries = try SuiteLibrary.load(path: "\(Self.promptsDirectory)/summarisation.yaml")
        let passage = try #require(summaries.prompt(id: "one-sentence")?.text)
        #expect(passage.contains("Between 10:42 and 13:17 UTC"))
        #expect(passage.split(separator: " ").count > 600, "a long passage")
    }

    @Test func theExampleInTheDocsParses() throws {
        let docs = URL(fileURLWithPath: Self.promptsDirectory).deletingLastPathComponent()
            .appendingPathComponent("docs/suites.md").path
        let text = try String(contentsOfFile: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let suite = try SuiteParser(file: "docs/suites.md").parse(String(text[start.upperBound..<end.lowerBound]))
        #expect(suite.name == "customer-support")
        #expect(suite.prompts.map(\.messages.count) == [1, 3])
        #expect(suite.system == "You answer emails for Kettle & Crane. Refunds only within 30 days.\n")
    }
}
