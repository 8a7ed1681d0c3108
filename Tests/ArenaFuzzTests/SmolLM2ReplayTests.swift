import ArenaCore
import ArenaFuzz
import ArenaTestTraits
import ArenaUI
import Foundation
import Testing

/// Real multi-line answers captured from two SmolLM2 servers (scripts/capture-smollm2-answers.py),
/// replayed chunk by chunk into the screen as the servers streamed them, then zoomed, resized
/// (160×45 → 80×24 → 60×20 → "too small" and back), scrolled, voted on and followed up. After every
/// step each pane must show exactly its own seat's answer (PaneOracle). This is the case that once
/// showed seat B's list in seat A.
@Suite struct SmolLM2ReplayTests {
    struct Captured: Decodable {
        var prompt: String
        var chunks: [String]
        var finish_reason: String?
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ArenaUITests/Fixtures/smollm2-answers.json")

    static func load() throws -> [[Captured]] {
        try JSONDecoder().decode([[Captured]].self, from: Data(contentsOf: fixture))
    }

    struct Replay {
        var state = ScreenState(size: TerminalSize(width: 160, height: 45), theme: .plain,
                                store: StoreStatus(path: "/tmp/replay.sqlite", verdictCount: 0))
        var turns: [TurnRecord] = []
        var names = ["smol-chatml", "smol-alpaca"]
        var revealed = false
        var failures: [String] = []
        var checks = 0

        init() {
            _ = state.start()
            _ = state.handle(.battleReady(BattleSetup.named(names, id: "replay")))
        }

        mutating func check(_ what: String) {
            let grid = ScreenRenderer.render(&state).grid
            let result = PaneComparison.compare(grid: grid, state: state, turns: turns, names: names, namesMayShow: revealed,
                                                context: "\(what) at \(state.size.width)×\(state.size.height)")
            failures += result.failures
            checks += result.panesChecked
        }

        mutating func key(_ key: Key, _ what: String) {
            _ = state.handle(.key(KeyPress(key)))
            check(what)
        }

        /// Sends the prompt and streams both captured answers, interleaved chunk by chunk.
        mutating func ask(_ pair: [Captured]) {
            for character in pair[0].prompt { _ = state.handle(.key(.char(character))) }
            _ = state.handle(.key(KeyPress(.enter)))
            let turn = turns.count
            turns.append(TurnRecord(prompt: pair[0].prompt, seats: [SeatRecord(), SeatRecord()]))
            for index in 0..<max(pair[0].chunks.count, pair[1].chunks.count) {
                for seat in 0..<2 where index < pair[seat].chunks.count {
                    turns[turn].seats[seat].text += pair[seat].chunks[index]
                    turns[turn].seats[seat].phase = .streaming
                    _ = state.handle(.stream(turn: turn, seat: seat, event: .text(pair[seat].chunks[index])))
                    if index % 5 == 0 { check("streaming chunk \(index)") }
                }
            }
            for seat in 0..<2 {
                let reason = FinishReason(rawValue: pair[seat].finish_reason ?? "stop") ?? .stop
                turns[turn].seats[seat].phase = .finished(reason)
                _ = state.handle(.stream(turn: turn, seat: seat, event: .finished(reason)))
            }
            check("answers complete")
        }

        mutating func resize(_ width: Int, _ height: Int) {
            _ = state.handle(.resize(width: width, height: height))
            check("resized")
        }

        /// What a user does with finished answers: zoom, scroll, resize, and back.
        mutating func lookAround() {
            key(.tab, "focus B")
            key(.character("z"), "zoom B")
            key(.pageUp, "zoomed page up")
            resize(80, 24)
            key(.character("z"), "unzoom")
            key(.home, "top of B")
            _ = state.handle(.mouse(.wheelDown(x: 5, y: 5)))
            check("wheel over A")
            resize(60, 20)
            resize(19, 5)
            resize(160, 45)
            key(.end, "end of B")
            key(.backTab, "focus A")
            key(.pageUp, "page up A")
        }
    }

    @Test func capturedAnswersStayInTheirOwnPanesThroughZoomResizeScrollAndFollowUps() async throws {
        let pairs = try Self.load()
        #expect(pairs.count >= 5 && pairs.allSatisfy { $0.count == 2 })
        #expect(pairs.joined().filter { $0.chunks.joined().contains("\n") }.count >= 8, "answers are multi-line")
        let replay = await onOwnThread { Self.replay(pairs) }
        #expect(replay.failures.isEmpty, "\(replay.failures.prefix(3).joined(separator: "\n"))")
        #expect(replay.checks > 200)
    }

    static func replay(_ pairs: [[Captured]]) -> Replay {
        var replay = Replay()
        replay.ask(pairs[0])
        replay.lookAround()
        _ = replay.state.handle(.key(.char("a")))
        _ = replay.state.handle(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 1, reveals: [
            SeatReveal(modelName: "smol-chatml", timeToFirstTokenMilliseconds: 380, totalMilliseconds: 1320, tokensPerSecond: 48.1),
            SeatReveal(modelName: "smol-alpaca", timeToFirstTokenMilliseconds: 810, totalMilliseconds: 2050, tokensPerSecond: 38),
        ])))
        replay.revealed = true
        replay.check("revealed")
        replay.lookAround()
        for pair in pairs.dropFirst() {   // follow-ups: each seat keeps its own history
            replay.ask(pair)
            replay.lookAround()
            _ = replay.state.handle(.key(.char("t")))
            _ = replay.state.handle(.verdictSaved(turn: replay.turns.count - 1, receipt: VerdictReceipt(verdictCount: 2, reveals: [])))
            replay.check("voted")
        }
        return replay
    }
}
