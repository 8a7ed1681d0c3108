import ArenaCore
import ArenaFuzz
import Foundation
import Testing
@testable import ArenaUI

/// Before the vote nothing on screen may identify a seat: an endpoint's error that quotes its
/// model id or address is masked (LiteLLM's "model group 'mock-500' failed" for a model configured
/// as `broken`), and shown in full after the vote.
@Suite struct BlindMaskingTests {
    @Test func errorsHideModelIDsAndAddressesUntilTheVote() {
        let broken = ModelConfig(name: "broken", baseURL: URL(string: "http://127.0.0.1:4000/v1")!, model: "mock-500")
        let fine = ModelConfig(name: "fine", baseURL: URL(string: "https://llm.example.com/v1")!, model: "tiny-7b")
        #expect(broken.identifyingWords == ["mock-500", "127.0.0.1:4000"])
        #expect(fine.identifyingWords == ["tiny-7b", "llm.example.com"])
        var screen = ScreenHarness(width: 200, height: 12, models: [])
        screen.send(.battleReady(BattleSetup.named(["broken", "fine"], id: "b",
                                             hiddenWords: broken.identifyingWords + fine.identifyingWords)))
        screen.type("hi\r")
        let message = "LiteLLM: model group 'mock-500' failed (connect 127.0.0.1:4000)"
        screen.stream(seat: 0, .failed(ProviderError(.serverError, message, status: 500)))
        screen.stream(seat: 1, .text("ok"))
        screen.stream(seat: 1, .finished(.stop))
        let before = screen.screenText()
        #expect(before.contains("model group '•••' failed (connect •••)"), "\(before)")
        #expect(!before.contains("mock-500") && !before.contains("4000") && !before.contains("broken"))
        screen.type("b")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 1, reveals: [
            SeatReveal(modelName: "broken"), SeatReveal(modelName: "fine"),
        ])))
        #expect(screen.screenText().contains("'mock-500' failed"))
    }

    @Test func rSaysWhetherThereIsReasoningToShow() {
        var screen = ScreenHarness(width: 80, height: 12)
        screen.type("hi\r")
        screen.answerAll(["one", "two"])
        screen.type("r")
        #expect(screen.screenText().contains("No reasoning in these answers"))
        var thinking = ScreenHarness(width: 80, height: 12)
        thinking.type("hi\r")
        thinking.stream(seat: 0, .reasoning("let me think"))
        thinking.answerAll(["one", "two"])
        thinking.type("r")
        #expect(thinking.screenText().contains("Reasoning hidden (r shows)"))
        #expect(thinking.screenText().contains("▸ reasoning, 1 line (r)"))
    }
}
