import ArenaCore
import Testing
@testable import ArenaUI

/// Whole-screen behaviour: resizing, scrolling, focus, zoom, help, the prompt, reasoning, endings.
@Suite struct ScreenNavigationTests {
    func battle(width: Int = 90, height: Int = 20) -> ScreenHarness {
        ScreenHarness(width: width, height: height, models: ScreenAppTests.models)
    }

    func reveal(_ screen: inout ScreenHarness) {
        screen.send(.verdictSaved(turn: screen.state.battle!.turns.count - 1, receipt: VerdictReceipt(
            verdictCount: 4, reveals: ScreenAppTests.models.map { SeatReveal(modelName: $0) })))
    }

    @Test func resizeLosesNothingTypedOrStreamed() {
        var screen = battle(width: 100, height: 24)
        screen.type("long prompt\r")
        screen.stream(seat: 0, .text("streamed words here"))
        screen.type("draft")   // typed while streaming: ignored? No: the prompt is locked while streaming.
        for (width, height) in [(40, 12), (19, 5), (100, 24)] {
            screen.send(.resize(width: width, height: height))
            _ = screen.picture()
        }
        #expect(screen.screenText().contains("streamed words here"))
        screen.answerAll(["", "x", "y"])
        screen.type("s")
        reveal(&screen)
        screen.type("kept draft")
        screen.send(.resize(width: 30, height: 8))
        _ = screen.picture()
        screen.send(.resize(width: 100, height: 24))
        #expect(screen.state.editor.text == "kept draft")
        #expect(screen.screenText().contains("› kept draft"))
    }

    @Test func anOpenLeaderboardIsLaidOutAgainForANewWidth() {
        var screen = battle(width: 160, height: 30)
        screen.type("ll")
        #expect(screen.takeEffects().contains(.showLeaderboard(width: 154)))
        screen.send(.leaderboardReady(["wide table"]))
        screen.send(.resize(width: 80, height: 30))
        #expect(screen.takeEffects() == [.showLeaderboard(width: 74)])
        screen.send(.resize(width: 80, height: 20))        // height only: the layout stands
        #expect(screen.takeEffects().isEmpty)
        screen.send(.leaderboardReady(["narrow table"]))
        #expect(screen.screenText().contains("narrow table"))
    }

    @Test func paneFollowsTheStreamUntilTheUserScrollsUp() {
        var screen = battle(width: 90, height: 14)
        screen.type("count\r")
        screen.stream(seat: 0, .text((1...40).map { "line \($0)" }.joined(separator: "\n")))
        #expect(screen.screenText().contains("line 40"))
        screen.key(.pageUp)
        let scrolledUp = screen.screenText()
        #expect(!scrolledUp.contains("line 40"))
        screen.stream(seat: 0, .text("\nline 41"))
        #expect(screen.screenText() == scrolledUp.replacingOccurrences(of: "↓", with: "↓").replacingOccurrences(
            of: "↓\(scrolledUp.count)", with: "") || !screen.screenText().contains("line 41"))
        screen.key(.home)   // prompt locked: Home scrolls to the top
        #expect(screen.screenText().contains("line 1\n") || screen.screenText().contains("line 1 "))
        screen.key(.end)
        #expect(screen.screenText().contains("line 41"))
        screen.stream(seat: 0, .text("\nline 42"))
        #expect(screen.screenText().contains("line 42"))
    }

    @Test func mouseWheelScrollsThePaneUnderThePointerAndClickFocuses() {
        var screen = battle(width: 90, height: 14)
        screen.type("count\r")
        screen.stream(seat: 1, .text((1...40).map { "row \($0)" }.joined(separator: "\n")))
        let paneB = screen.state.layout.panes[1]
        screen.send(.mouse(.wheelUp(x: paneB.x + 3, y: paneB.y + 3)))
        #expect(screen.state.scroll[1].follow == false)
        #expect(screen.state.scroll[0].follow == true)
        screen.send(.mouse(.press(x: paneB.x + 3, y: paneB.y + 3)))
        #expect(screen.state.focusedSeat == 1)
    }

    @Test func tabFocusesAndZoomFillsTheScreen() {
        var screen = battle(width: 90, height: 14)
        screen.key(.tab)
        screen.key(.tab)
        #expect(screen.state.focusedSeat == 2)
        screen.key(.backTab)
        #expect(screen.state.focusedSeat == 1)
        screen.type("z")
        #expect(screen.state.zoomed)
        #expect(screen.state.layout.panes[1].width == 90)
        #expect(screen.picture()[0].hasPrefix("┏ B "))
        screen.type("z")
        #expect(!screen.state.zoomed)
    }

    @Test func helpListsEveryKeyAndAnyKeyClosesIt() {
        var screen = battle(width: 90, height: 26)
        screen.type("?")
        let text = screen.screenText()
        for entry in HelpOverlay.entries { #expect(text.contains(entry.keys), "help lacks \(entry.keys)") }
        screen.type("x")
        #expect(!screen.state.helpVisible)
        #expect(screen.state.editor.isEmpty)
    }

    @Test func newlinesByAltEnterCtrlJAndPaste() {
        var screen = battle()
        _ = screen.takeEffects()
        screen.type("one\u{1B}\rtwo\nthree")
        screen.send(.paste("four\nfive"))
        #expect(screen.state.editor.text == "one\ntwo\nthreefour\nfive")
        #expect(screen.takeEffects().isEmpty)
        screen.type("\r")
        guard case .startTurn(let request)? = screen.takeEffects().first else {
            Issue.record("expected a turn")
            return
        }
        #expect(request.prompt == "one\ntwo\nthreefour\nfive")
    }

    @Test func upRecallsEarlierPrompts() {
        var screen = ScreenHarness(width: 60, height: 14, history: ["from the store"])
        screen.type("first\r")
        screen.answerAll(["a", "b"])
        screen.type("s")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(reveals: [])))
        screen.key(.up)
        #expect(screen.state.editor.text == "first")
        screen.key(.up)
        #expect(screen.state.editor.text == "from the store")
        screen.key(.down)
        screen.key(.down)
        #expect(screen.state.editor.isEmpty)
    }

    @Test func reasoningIsShownApartAndCollapses() {
        var screen = battle(width: 90, height: 16)
        screen.type("think\r")
        screen.stream(seat: 0, .reasoning("Let me think step by step."))
        screen.stream(seat: 0, .text("The answer."))
        let frame = ScreenRenderer.render(&screen.state)
        #expect(screen.screenText().contains("▾ reasoning"))
        let row = frame.grid.lines.firstIndex { $0.contains("Let me think") }!
        let column = frame.grid.lines[row].distance(of: "Let me think")
        #expect(frame.grid[column, row].style == Theme.plain[.reasoning])
        screen.answerAll(["", "", ""])
        screen.type("r")
        let collapsed = screen.screenText()
        #expect(!collapsed.contains("Let me think"))
        #expect(collapsed.contains("▸ reasoning, 1 line (r)"))
        #expect(collapsed.contains("The answer."))
    }

    @Test func aStreamThatEndsWithoutAResultFails() {
        var screen = battle()
        screen.type("hi\r")
        screen.answerAll(["a", "b"])
        screen.send(.turnEnded(turn: 0))
        #expect(screen.state.phase == .voting)
        #expect(screen.screenText().contains("✗ error: the stream ended"))
    }

    @Test func externalQuitCancelsStreams() {
        var screen = battle()
        screen.type("hi\r")
        _ = screen.takeEffects()
        screen.send(.quitRequested)
        let effects = screen.takeEffects()
        #expect(effects.count == 3 && effects.first == .cancelStreams && effects.last == .quit)
        // The half-streamed turn is stored before the screen closes.
        guard case .saveTurn(let saved) = effects[1] else { Issue.record("no turn save: \(effects)"); return }
        #expect(saved.battle.turns.map(\.prompt) == ["hi"])
    }

    @Test func saveFailureIsShownAndNamesStillRevealed() {
        var screen = battle(width: 120, height: 16)
        screen.type("hi\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("a\r")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(saveError: "database is locked",
                                                                  reveals: [SeatReveal(modelName: "secret-model-alpha")])))
        let text = screen.screenText()
        #expect(text.contains("Verdict not saved: database is locked"))
        #expect(text.contains("secret-model-beta"))   // missing reveals fall back to the hidden names
    }

    @Test func newBattleFailureIsShownAndRetried() {
        var screen = ScreenHarness(width: 60, height: 14, models: [])
        screen.send(.battleFailed("no models configured"))
        #expect(screen.screenText().contains("No battle: no models configured"))
        _ = screen.takeEffects()
        screen.type("n")
        #expect(screen.takeEffects() == [.newBattle])
    }
}
extension String {
    /// Column (in characters; the test rows are ASCII up to the match) of `needle`.
    func distance(of needle: String) -> Int {
        guard let range = range(of: needle) else { return 0 }
        return self[..<range.lowerBound].count
    }
}
