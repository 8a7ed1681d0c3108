import ArenaCore
import ArenaStore
import ArenaTestSupport
import Foundation
import Synchronization
import Testing

@Suite("arena run / suites", .timeLimit(.minutes(2)))
struct RunCommandTests {
    static let suite = """
        name: mini
        description: Two small prompts.
        system: Answer in one word.
        params: { max_tokens: 20 }
        prompts:
          - id: colour
            text: "Name a {{thing}}."
            vars: { thing: colour }
          - id: animal
            text: Name an animal.
        """

    final class Switch: Sendable {
        private let state = Mutex(false)
        init(_ on: Bool) { state.withLock { $0 = on } }
        var isOn: Bool { state.withLock { $0 } }
        func set(_ on: Bool) { state.withLock { $0 = on } }
    }

    /// fine answers everything; flaky fails the `animal` prompt while `broken` is on.
    static func server(broken: Switch, delay: Duration = .zero) async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            let prompt = ((request.json?["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
            if request.uri.hasPrefix("/flaky"), prompt.contains("animal"), broken.isOn {
                return .json(503, #"{"error":{"message":"temporarily down"}}"#)
            }
            return .openAIChat(["Answer to: ", prompt], delay: delay)
        }
    }

    static func setUp(_ server: LocalStreamingServer) throws -> (ArenaProcess, String) {
        let arena = ArenaProcess()
        try arena.writeConfig("""
            models:
              - name: fine
                base_url: \(server.baseURL.absoluteString)/fine/v1
                model: f
                price: { input: 1, output: 1 }
              - name: flaky
                base_url: \(server.baseURL.absoluteString)/flaky/v1
                model: k
            """)
        let path = arena.home.appendingPathComponent("mini.yaml").path
        try suite.write(toFile: path, atomically: true, encoding: .utf8)
        return (arena, path)
    }

    @Test func failuresAreRecordedAndARerunDoesOnlyWhatIsMissing() async throws {
        let broken = Switch(true)
        let server = try await Self.server(broken: broken)
        let (arena, suitePath) = try Self.setUp(server)

        let first = try await arena.run(["run", suitePath])
        #expect(first.status == 1)
        #expect(first.stderr.contains("run mini: 2 prompts × 2 models × 1 = 4 requests"))
        #expect(first.stderr.contains("1 of 4 requests failed (recorded as failures); run it again to retry them"))
        let store = try BattleStore(path: arena.storePath)
        var answers = try store.runAnswers(suite: "mini")
        #expect(answers.count == 4)
        #expect(answers.filter(\.isFailure).map { "\($0.key.promptID)/\($0.key.model)" } == ["animal/flaky"])
        let colour = try #require(answers.first { $0.key == .init(suite: "mini", promptID: "colour", repeatIndex: 0, model: "fine") })
        #expect(colour.answer.text == "Answer to: Name a colour.")
        #expect(colour.conversation.first == ChatMessage(role: .system, content: "Answer in one word."))
        #expect(server.requests.first?.json?["max_tokens"] as? Int == 20)

        broken.set(false)
        let requestsBefore = server.requests.count
        let second = try await arena.run(["run", suitePath])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("3 already done"))
        #expect(server.requests.count == requestsBefore + 1)
        answers = try store.runAnswers(suite: "mini")
        #expect(answers.count == 4 && answers.allSatisfy { !$0.isFailure })
        #expect(second.stdout.contains("median first token"))

        let third = try await arena.run(["run", suitePath])
        #expect(third.status == 0 && third.stdout.contains("nothing to do"))

        // Editing one prompt redoes exactly that prompt, for every model.
        try Self.suite.replacingOccurrences(of: "Name an animal.", with: "Name a bird.").write(toFile: suitePath, atomically: true, encoding: .utf8)
        let before = server.requests.count
        let fourth = try await arena.run(["run", suitePath, "--repeat", "1"])
        #expect(fourth.status == 0)
        #expect(server.requests.count == before + 2)
        try await server.stop()
    }

    @Test func ctrlCKeepsFinishedAnswersAndTheRerunCompletes() async throws {
        let broken = Switch(false)
        let server = try await Self.server(broken: broken, delay: .milliseconds(150))
        let (arena, suitePath) = try Self.setUp(server)
        let storePath = arena.storePath
        let result = try await arena.runInterrupted(["run", suitePath, "--repeat", "3", "--concurrency", "1"]) {
            guard FileManager.default.fileExists(atPath: storePath), let store = try? BattleStore(path: storePath) else { return false }
            return ((try? store.runAnswers(suite: "mini").count) ?? 0) >= 2
        }
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted:"))
        let store = try BattleStore(path: storePath)
        let kept = try store.runAnswers(suite: "mini")
        #expect(kept.count >= 2 && kept.count < 12)
        #expect(kept.allSatisfy { !$0.isFailure })
        let rerun = try await arena.run(["run", suitePath, "--repeat", "3", "--concurrency", "4"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("\(kept.count) already done"))
        let all = try store.runAnswers(suite: "mini")
        #expect(all.count == 12)
        try await server.stop()
    }

    @Test func suitesListsTheShippedSuites() async throws {
        let arena = ArenaProcess()
        let result = try await arena.run(["suites"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["customer-support", "code-review", "summarisation", "extraction-json"] {
            #expect(result.stdout.contains(name), "missing \(name)")
        }
        let unknown = try await arena.run(["run", "no-such-suite"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no such suite"))
    }
}
