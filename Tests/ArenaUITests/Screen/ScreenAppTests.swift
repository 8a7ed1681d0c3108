import ArenaCore
import ArenaFuzz
import Testing
@testable import ArenaUI

/// Whole-screen behaviour with scripted keys and scripted stream events: blindness, voting, turns.
@Suite struct ScreenAppTests {
    static let models = ["secret-model-alpha", "secret-model-beta", "secret-model-gamma"]

    func battle(width: Int = 90, height: Int = 20) -> ScreenHarness {
        ScreenHarness(width: width, height: height, models: Self.models)
    }

    func reveal(_ screen: inout ScreenHarness, count: Int = 4) {
        let reveals = Self.models.enumerated().map { seat, name in
            SeatReveal(modelName: name, timeToFirstTokenMilliseconds: 100 + seat, tokensPerSecond: 42,
                       outputTokens: 77, costUSD: 0.01)
        }
        screen.send(.verdictSaved(turn: screen.state.battle!.turns.count - 1,
                                  receipt: VerdictReceipt(verdictCount: count, reveals: reveals)))
    }

    @Test func blindLabelsOnlyBeforeTheVoteNamesAfter() {
        var screen = battle(width: 150)
        screen.type("Which is best?\r")
        for seat in 0..<3 {
            screen.stream(seat: seat, .text("Answer \(seat)"))
            screen.stream(seat: seat, .usage(TokenUsage(inputTokens: 5, outputTokens: 1234)))
        }
        let streaming = screen.screenText()
        for seat in 0..<3 { screen.stream(seat: seat, .finished(.stop)) }
        let voting = screen.screenText()
        for text in [streaming, voting] {
            for name in Self.models { #expect(!text.contains(name)) }
            #expect(!text.contains("tok"))
            #expect(!text.contains("1234") && !text.contains("1,234"))
            #expect(!text.contains("$"))
            #expect(text.contains("╮╭ B ") || text.contains("┓╭ B "))
        }
        screen.type("2\r")   // three seats: a seat key starts a ranking, Enter saves "B alone"
        #expect(screen.lastSubmission()?.choice == .seat(1))
        #expect(!screen.screenText().contains("secret-model"))   // still saving: nothing revealed yet
        reveal(&screen)
        let revealed = screen.screenText()
        for name in Self.models { #expect(revealed.contains(name)) }
        #expect(revealed.contains("42.0 tok/s"))
        #expect(revealed.contains("★ winner"))
        #expect(revealed.contains("4 verdicts"))
    }

    @Test func votingWaitsForEveryPane() {
        var screen = battle()
        screen.type("Why?\r")
        _ = screen.takeEffects()
        screen.stream(seat: 0, .text("done"))
        screen.stream(seat: 0, .finished(.stop))
        screen.type("1")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.state.phase == .streaming)
        screen.stream(seat: 1, .finished(.stop))
        screen.stream(seat: 2, .failed(ProviderError(.network, "reset")))
        #expect(screen.state.phase == .voting)
        screen.type("1\r")
        #expect(screen.lastSubmission()?.choice == .seat(0))
    }

    /// The same rule as the store and the ranking (`Answer.cannotWinReason`): an answer that
    /// finished with nothing but whitespace cannot win, and the screen says why.
    @Test func anEmptyAnswerCannotWin() {
        var screen = battle()
        screen.type("hi\r")
        screen.answerAll(["one", " \n ", "three"])
        _ = screen.takeEffects()
        screen.type("b")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.screenText().contains("B gave an empty answer, so it cannot win"))
        screen.type("a\r")
        #expect(screen.lastSubmission()?.choice == .seat(0))
    }

    @Test func aFailedPaneCannotWin() {
        var screen = battle()
        screen.type("hi\r")
        screen.answerAll(["one", "two"])
        screen.stream(seat: 2, .failed(ProviderError(.serverError, "boom", status: 500)))
        _ = screen.takeEffects()
        screen.type("c")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.screenText().contains("C failed, so it cannot win"))
        screen.type("9")
        #expect(screen.takeEffects().isEmpty)
        screen.type("t")
        #expect(screen.lastSubmission()?.choice == .tie)
        #expect(screen.lastSubmission()?.answers[2].canWin == false)
    }

    @Test func bothBadAndVoteByLetterOrDigit() {
        var screen = battle()
        screen.type("hi\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("x")
        #expect(screen.lastSubmission()?.choice == .bothBad)
        #expect(screen.lastSubmission()?.isBlind == true)
    }

    @Test func escCancelsStreamingAndKeepsText() {
        var screen = battle()
        screen.type("hi\r")
        screen.stream(seat: 0, .text("partial answer"))
        _ = screen.takeEffects()
        screen.key(.escape)
        // What arrived is what is stored: the cancelled turn is saved at once, seat by seat.
        let saved = screen.lastTurnSave()?.battle.turns.first?.answers
        #expect(saved?.map(\.text) == ["partial answer", "", ""])
        #expect(saved?.map(\.finishReason) == [.cancelled, .cancelled, .cancelled])
        #expect(screen.takeEffectsButTurnSaves() == [.cancelStreams])
        #expect(screen.state.phase == .voting)
        let text = screen.screenText()
        #expect(text.contains("partial answer"))
        #expect(text.contains("cancelled"))
        screen.stream(seat: 1, .text("late"))   // arrives after the cancel: ignored
        #expect(!screen.screenText().contains("late"))
        screen.type("a")
        #expect(screen.takeEffects().isEmpty)      // a cancelled seat cannot win
    }

    @Test func ctrlCCancelsThenASecondCtrlCQuits() {
        var screen = battle()
        screen.type("hi\r")
        _ = screen.takeEffects()
        screen.type("\u{03}")
        #expect(screen.takeEffectsButTurnSaves() == [.cancelStreams])
        #expect(screen.screenText().contains("Ctrl-C again to quit"))
        screen.type("\u{03}")
        #expect(screen.takeEffects() == [.quit])
    }

    @Test func ctrlCQuitWindowCloses() {
        var screen = battle()
        screen.type("\u{03}")
        screen.send(.tick(.seconds(5)))
        screen.type("\u{03}")
        #expect(!screen.takeEffects().contains(.quit))
        screen.type("\u{03}")
        #expect(screen.takeEffects().contains(.quit))
    }

    @Test func qQuitsOnlyWhenIdleAndThePromptIsEmpty() {
        var screen = battle()
        _ = screen.takeEffects()
        screen.type("quick question")               // a prompt may start with q …
        #expect(screen.state.editor.text == "quick question")
        #expect(screen.takeEffects().isEmpty)
        screen.type("\r")
        _ = screen.takeEffects()
        screen.type("q")
        #expect(screen.takeEffects().isEmpty)      // streaming: q does not quit
        screen.answerAll(["a", "b", "c"])
        #expect(screen.lastTurnSave()?.turn == 0)   // a complete turn is stored before any vote
        _ = screen.takeEffects()
        screen.type("q")                            // voting (prompt locked): q quits at once
        #expect(screen.takeEffects() == [.quit])
    }

    @Test func composingQuitAndNewBattleNeedASecondPress() {
        var screen = battle()
        _ = screen.takeEffects()
        screen.type("q")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.screenText().contains("press q again to quit"))
        screen.type("q")
        #expect(screen.takeEffects() == [.quit])

        var other = battle()
        _ = other.takeEffects()
        other.type("n")
        other.type("n")
        #expect(other.takeEffects() == [.newBattle])

        var typing = battle()
        typing.type("nq")
        #expect(typing.state.editor.text == "nq")
        typing.key(.backspace)
        typing.key(.backspace)
        typing.type("q")
        typing.key(.escape)
        #expect(typing.state.editor.isEmpty)
        #expect(typing.state.pendingCommand == nil)
    }

    @Test func followUpCarriesEachSeatsOwnHistory() throws {
        var screen = battle()
        screen.type("first\r")
        screen.answerAll(["A1", "B1", "C1"])
        screen.type("b\r")
        reveal(&screen)
        _ = screen.takeEffects()
        screen.type("second\r")
        let effects = screen.takeEffects()
        guard case .startTurn(let request) = try #require(effects.first) else {
            Issue.record("expected startTurn, got \(effects)")
            return
        }
        #expect(request.turn == 1)
        #expect(request.conversations[1] == [
            ChatMessage(role: .user, content: "first"), ChatMessage(role: .assistant, content: "B1"),
            ChatMessage(role: .user, content: "second"),
        ])
        #expect(request.conversations[2][1].content == "C1")
        screen.answerAll(["A2", "B2", "C2"])
        #expect(screen.screenText().contains("not blind"))
        screen.type("a\r")
        #expect(screen.lastSubmission()?.isBlind == false)
        #expect(screen.lastSubmission()?.turn == 1)
    }

    @Test func skipKeepsTheNamesHidden() {
        var screen = battle()
        screen.type("hello\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("s")
        #expect(screen.lastSubmission()?.choice == .skip)
        reveal(&screen)
        let text = screen.screenText()
        for name in Self.models { #expect(!text.contains(name)) }
        screen.type("next\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("a\r")
        #expect(screen.lastSubmission()?.isBlind == true)
    }

    @Test func newBattleShufflesNewSeats() {
        var screen = battle()
        screen.type("hello\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("a\r")
        reveal(&screen)
        _ = screen.takeEffects()
        screen.type("nn")
        #expect(screen.takeEffects() == [.newBattle])
        screen.send(.battleReady(BattleSetup.named(["x-one", "x-two"], id: "b2")))
        #expect(screen.state.seatCount == 2)
        #expect(screen.state.phase == .composing)
        let text = screen.screenText()
        #expect(!text.contains("secret-model") && !text.contains("x-one"))
        #expect(!text.contains("hello"))
    }

    @Test func eventsOfAnOlderTurnAreIgnored() {
        var screen = battle()
        screen.type("one\r")
        screen.answerAll(["a", "b", "c"])
        screen.type("s")
        reveal(&screen)
        screen.type("two\r")
        screen.stream(seat: 0, .text("stale text"), turn: 0)
        #expect(!screen.screenText().contains("stale text"))
    }

    @Test func leakIsFlaggedAndToldOnlyAfterTheVote() throws {
        var screen = battle(width: 120, height: 20)
        screen.type("who are you?\r")
        screen.answerAll(["I am Claude, by Anthropic.", "An assistant.", "Just text."])
        #expect(!screen.screenText().lowercased().contains("leak"))
        screen.type("b\r")
        let submission = screen.lastSubmission()
        let voted = try #require(submission)
        #expect(voted.battle.turns[0].leaks == [SeatLeak(seat: 0, words: ["claude", "anthropic"])])
        #expect(voted.battle.leakedWords == ["claude", "anthropic"])
        reveal(&screen)
        let text = screen.screenText()
        #expect(text.contains("Identity leak: A said “claude”, “anthropic”"))
        #expect(text.contains("⚠ identity leak"))
    }
}

