import ArenaCore
import Foundation
import Testing
@testable import ArenaUI

/// The first captured SmolLM2 battle ("List five fruits, one per line": two numbered lists of
/// similar shape) as pictures, while streaming is done and after the reveal: each pane shows its
/// own list, the prompt from the first turn, and the reveal's total time.
@Suite struct CapturedAnswerPictureTests {
    struct Captured: Decodable { var prompt: String; var chunks: [String] }

    static func fruits() throws -> [Captured] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/smollm2-answers.json")
        return try JSONDecoder().decode([[Captured]].self, from: Data(contentsOf: url))[0]
    }

    @Test func twoNumberedListsEachInItsOwnPane() throws {
        let pair = try Self.fruits()
        var screen = ScreenHarness(width: 64, height: 14, models: ["smol-chatml", "smol-alpaca"])
        screen.type(pair[0].prompt + "\r")
        for index in 0..<max(pair[0].chunks.count, pair[1].chunks.count) {
            for seat in 0..<2 where index < pair[seat].chunks.count { screen.stream(seat: seat, .text(pair[seat].chunks[index])) }
        }
        screen.stream(seat: 0, .finished(.stop))
        screen.stream(seat: 1, .finished(.stop))
        expectPicture(screen.picture(), [
            "┏ A ━ done ━━━━━━━━━━━━━━━━━━━━┓╭ B ─ done ────────────────────╮",
            "┃› List five fruits, one per   ┃│› List five fruits, one per   │",
            "┃  line.                       ┃│  line.                       │",
            "┃1. Banana                     ┃│1. Banana                     │",
            "┃2. Apple                      ┃│2. Orange                     │",
            "┃3. Apple                      ┃│3. Apple                      │",
            "┃4. Grapefruit                 ┃│4. Grapefruit                 │",
            "┃                              ┃│5. Strawberry                 │",
            "┃                              ┃│                              │",
            "┃                              ┃│                              │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛╰──────────────────────────────╯",
            " Vote: 1-2/a-b wins  t tie  x both bad  s skip",
            "› vote to continue",
            " arena │ …/arena.sqlite │ 3 verdicts │ theme plain   ? all keys",
        ])
        screen.type("b")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 4, reveals: [
            SeatReveal(modelName: "smol-chatml", timeToFirstTokenMilliseconds: 386, totalMilliseconds: 1320, tokensPerSecond: 48.1,
                       outputTokens: 46, outputTokensEstimated: true, costUSD: 0.00002),
            SeatReveal(modelName: "smol-alpaca", timeToFirstTokenMilliseconds: 812, totalMilliseconds: 2050, tokensPerSecond: 38,
                       outputTokens: 48, outputTokensEstimated: true),
        ])))
        expectPicture(screen.picture(), [
            "┏ A  smol-chatml ━━━━━━━━━━━━━━┓╭ B  ★ winner  smol-alpaca ────╮",
            "┃TTFT 386 ms · total 1.3 s     ┃│TTFT 812 ms · total 2.1 s     │",
            "┃48.1 tok/s · ~46 tok          ┃│38.0 tok/s · ~48 tok          │",
            "┃<$0.0001                      ┃│› List five fruits, one per   │",
            "┃› List five fruits, one per   ┃│  line.                       │",
            "┃  line.                       ┃│1. Banana                     │",
            "┃1. Banana                     ┃│2. Orange                     │",
            "┃2. Apple                      ┃│3. Apple                      │",
            "┃3. Apple                      ┃│4. Grapefruit                 │",
            "┃4. Grapefruit                 ┃│5. Strawberry                 │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛╰──────────────────────────────╯",
            " Follow-up: type  nn new battle  qq quit          Verdict saved",
            "› Ask a follow-up, or nn for a new battle",
            " arena │ …/arena.sqlite │ 4 verdicts │ theme plain   ? all keys",
        ])
    }
}
