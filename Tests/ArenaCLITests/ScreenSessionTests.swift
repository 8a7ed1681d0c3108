@testable import ArenaCLI
import ArenaCore
import ArenaProviders
import ArenaStore
import ArenaTestSupport
import ArenaUI
import Foundation
import Testing

/// The whole arena screen — real run loop, real providers over HTTP, real store — on the
/// in-memory terminal, driven by keys as a user would.
@Suite("Arena screen end to end", .timeLimit(.minutes(1)))
struct ScreenSessionTests {

    @Test func blindUntilTheVoteThenRevealedAndStoredWithItsSeatOrder() async throws {
        let server = try await LocalStreamingServer.start { request in
            request.uri.hasPrefix("/kestrel")
                ? .openAIChat(["Kestrel ", "says ", "hello."], delay: .milliseconds(20))
                : .openAIChat(["Osprey ", "answers."], usage: (prompt: 8, completion: 2))
        }
        let models = ["kestrel", "osprey"].map { name in
            ModelConfig(name: name, baseURL: server.baseURL.appendingPathComponent("\(name)/v1"), model: "id-\(name)",
                        price: Price(input: 1, output: 2))
        }
        let storePath = FileManager.default.temporaryDirectory.appendingPathComponent("arena-screen-\(UUID().uuidString)/s.sqlite").path
        let store = try BattleStore(path: storePath)
        let client = ModelClient()
        let session = ScreenSession(models: models, config: ArenaConfig(models: models), store: store, client: client,
                                    rater: "tester", systemPrompt: nil)
        let environment = session.environment()
        let terminal = InMemoryTerminal(width: 100, height: 20)
        let run = Task { try await ArenaScreen.run(environment: environment, theme: .plain, terminal: { terminal }) }

        #expect(await terminal.waitFor { $0.contains(" A ") && $0.contains(" B ") })
        terminal.type("Say hello\r")
        #expect(await terminal.waitFor { $0.contains("Vote:") && $0.contains("Kestrel says hello.") && $0.contains("Osprey answers.") })
        let before = terminal.lines.joined(separator: "\n")
        #expect(!before.contains("kestrel") && !before.contains("osprey"), "a model name showed before the vote")
        #expect(!before.contains("TTFT") && !before.contains("tok/s") && !before.contains("$"), "a metric showed before the vote")

        terminal.type("a")
        #expect(await terminal.waitFor { $0.contains("kestrel") && $0.contains("osprey") && $0.contains("1 verdict") })
        let after = terminal.lines
        terminal.type("l")  // after the vote the prompt is empty: l is held, a second l opens
        #expect(await terminal.waitFor { $0.contains("press l again") })
        terminal.type("l")
        #expect(await terminal.waitFor { $0.contains(" Leaderboard ") && $0.contains("95% interval") && $0.contains("1 verdict") })
        terminal.type("x")  // any key closes the box
        #expect(await terminal.waitFor { !$0.contains(" Leaderboard ") })
        terminal.type("qq")
        _ = try await run.value

        let stored = try #require(try store.battles().first)
        #expect(stored.battle.mode == .screen)
        #expect(stored.verdicts[0]?.verdict == .seat(0))
        #expect(stored.verdicts[0]?.rater == "tester")
        // Seat A on screen is seat 0 in the store, and the model revealed over pane A won.
        let seatA = stored.battle.seats[0].model.name
        let titleLine = try #require(after.first { $0.contains("kestrel") || $0.contains("osprey") })
        let leftHalf = String(titleLine.prefix(50))
        #expect(leftHalf.contains(seatA))
        #expect(stored.battle.turns[0].answers.map(\.text).sorted() == ["Kestrel says hello.", "Osprey answers."])
        // The screen's battle is what was stored: the streamer's timing reached it, and the price.
        for answer in stored.battle.turns[0].answers {
            #expect(answer.metrics.ttftMs != nil && answer.metrics.durationMs != nil && answer.metrics.costUSD != nil, "\(answer.metrics)")
            #expect(answer.metrics.durationMs! >= answer.metrics.ttftMs!)
        }
        let osprey = try #require(stored.battle.turns[0].answers.first { stored.battle.seats[$0.seatIndex].model.name == "osprey" })
        #expect(osprey.metrics.outputTokens == 2 && osprey.metrics.tokensEstimated == false)
        try await client.shutdown()
        try await server.stop()
    }

    /// The screen opens without reading the store; the count and the prompt history follow.
    @Test func theCountAndHistoryArriveFromTheStoreAfterOpening() async throws {
        let storePath = FileManager.default.temporaryDirectory.appendingPathComponent("arena-screen-\(UUID().uuidString)/s.sqlite").path
        let store = try BattleStore(path: storePath)
        let models = ["one", "two"].map { ModelConfig(name: $0, baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: $0) }
        var battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: nil,
                            seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        battle.turns = [BattleTurn(index: 0, prompt: "An earlier question", createdAt: battle.createdAt, answers: [
            Answer(seatIndex: 0, text: "Yes.", finishReason: .stop), Answer(seatIndex: 1, text: "No.", finishReason: .stop),
        ])]
        try store.save(battle: battle, turn: 0)
        try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(1), rater: "me", createdAt: Date()))
        let client = ModelClient()
        let session = ScreenSession(models: models, config: ArenaConfig(models: models), store: store, client: client,
                                    rater: "me", systemPrompt: nil)
        let environment = session.environment()
        #expect(environment.store.verdictCount == nil)
        #expect(await environment.loadStore() == StoreDetails(verdictCount: 1, promptHistory: ["An earlier question"]))
        let terminal = InMemoryTerminal(width: 100, height: 20)
        let run = Task { try await ArenaScreen.run(environment: environment, theme: .plain, terminal: { terminal }) }
        #expect(await terminal.waitFor { $0.contains("1 verdict") })
        terminal.send(.key(.up))
        #expect(await terminal.waitFor { $0.contains("An earlier question") }, "\(terminal.lines.joined(separator: "\n"))")
        terminal.type("\u{03}\u{03}")   // Ctrl-C twice
        _ = try await run.value
        try await client.shutdown()
    }
}
