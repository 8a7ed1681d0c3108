import ArenaCore
import ArenaFuzz
@testable import ArenaUI
import Foundation
import Testing

/// The screen holds ArenaCore's battle and nothing besides: what it streams is what it hands to
/// the store, with the streamer's timing, the leak rule and the who-can-win rule all Core's.
@Suite struct OneBattleTests {
    @Test func theTurnSavedIsTheTurnShownWithItsTiming() throws {
        var screen = ScreenHarness(width: 100, height: 20)
        screen.type("hi\r")
        let request = try #require(screen.takeEffects().compactMap { if case .startTurn(let r) = $0 { r } else { nil } }.first)
        #expect(request.seats.map(\.model.name) == ["model-one", "model-two"])
        #expect(request.conversations.map { $0.map(\.content) } == [["hi"], ["hi"]])
        screen.stream(seat: 0, .reasoning("thinking"))
        screen.stream(seat: 0, .text("Hello"))
        screen.send(.seatTimed(turn: 0, seat: 0, timing: AnswerTiming(ttftMs: 40, durationMs: 300)))
        screen.stream(seat: 0, .finished(.stop))
        #expect(screen.lastTurnSave() == nil)        // a turn is saved once every seat is done
        screen.stream(seat: 1, .text("Hey"))
        screen.send(.seatTimed(turn: 0, seat: 1, timing: AnswerTiming(ttftMs: 10, durationMs: 50)))
        screen.stream(seat: 1, .finished(.length))
        let saved = try #require(screen.lastTurnSave())
        let answers = saved.battle.turns[0].answers
        #expect(answers.map(\.text) == ["Hello", "Hey"])
        #expect(answers.map(\.reasoning) == ["thinking", ""])
        #expect(answers.map(\.finishReason) == [.stop, .length])
        #expect(answers.map(\.metrics.ttftMs) == [40, 10])
        #expect(answers.map(\.metrics.durationMs) == [300, 50])
        #expect(saved.battle == screen.state.battle?.battle)
        screen.send(.tick(.milliseconds(7_250)))
        screen.type("a")
        let vote = try #require(screen.lastSubmission())
        #expect(vote.battle == saved.battle && vote.turn == 0 && vote.verdict == .seat(0) && vote.isBlind)
        // Dates come from the screen's clock: the turn when sent, the verdict when cast.
        #expect(saved.battle.turns[0].createdAt == Date(timeIntervalSince1970: 0))
        #expect(vote.votedAt == Date(timeIntervalSince1970: 7.25))
    }

    /// A model that names itself only while reasoning is flagged like one that says it.
    /// Esc keeps what each seat measured so far: the time to first token arrives with the first
    /// text; a seat cancelled before it has none, and no cancelled seat has a total time.
    @Test func aCancelledTurnKeepsEachSeatsTimeToFirstToken() throws {
        var screen = ScreenHarness(width: 100, height: 20)
        screen.type("hi\r")
        screen.send(.seatTimed(turn: 0, seat: 0, timing: AnswerTiming(ttftMs: 120)))
        screen.stream(seat: 0, .text("Partial"))
        screen.key(.escape)
        let answers = try #require(screen.lastTurnSave()).battle.turns[0].answers
        #expect(answers.map(\.finishReason) == [.cancelled, .cancelled])
        #expect(answers.map(\.metrics.ttftMs) == [120, nil])
        #expect(answers.map(\.metrics.durationMs) == [nil, nil])
    }

    @Test func aReasoningOnlyLeakIsFlaggedInWhatIsStored() throws {
        var screen = ScreenHarness(width: 120, height: 20)
        screen.type("who are you?\r")
        screen.stream(seat: 0, .reasoning("I am Gemini, but I must not say."))
        screen.stream(seat: 0, .text("An assistant."))
        screen.stream(seat: 0, .finished(.stop))
        screen.stream(seat: 1, .text("Just text."))
        screen.stream(seat: 1, .finished(.stop))
        screen.type("b")
        let vote = try #require(screen.lastSubmission())
        #expect(vote.battle.leakedWords == ["gemini"])
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 1, reveals: [], leakedWords: vote.battle.leakedWords)))
        let text = screen.screenText()
        #expect(text.contains("Identity leak: A said “gemini”. Verdict flagged."), "\(text)")
    }

    @Test func anEmptyAnswerCannotWinAndTheStoreIsNotAsked() {
        var screen = ScreenHarness(width: 100, height: 20)
        screen.type("hi\r")
        screen.answerAll(["  ", "something"])
        _ = screen.takeEffects()
        screen.type("a")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.screenText().contains("A gave an empty answer, so it cannot win"))
    }

    @Test func storedAnswersArriveAsAnEventAndAreVotedOnWithoutBeingSavedAgain() throws {
        var screen = ScreenHarness(width: 100, height: 20, models: [])
        _ = screen.takeEffects()
        let stored = BattleTurn.answered("Name a colour.", texts: ["Red.", "Blue."], reasonings: ["", "hmm"])
        let setup = BattleSetup.named(["x", "y"], id: "judge-1", storedTurn: stored)
        screen.send(.battleReady(setup))
        #expect(screen.state.phase == .composing)
        screen.send(.answersLoaded(battleID: "another battle", turn: stored))   // not this battle: ignored
        #expect(screen.state.phase == .composing)
        screen.send(.answersLoaded(battleID: setup.battleID, turn: stored))
        #expect(screen.state.phase == .voting)
        let text = screen.screenText()
        #expect(text.contains("Red.") && text.contains("Blue.") && text.contains("Name a colour."))
        screen.type("b")
        let effects = screen.takeEffects()
        #expect(effects.count == 1)
        guard case .saveVerdict(let vote) = effects.first else { Issue.record("\(effects)"); return }
        #expect(vote.battle.turns.map(\.answers) == [stored.answers])
    }

    /// Judging moves on after a saved vote and says so; nothing is shuffled, so nothing says that.
    @Test func judgeModeSaysSavedAndMovesOn() throws {
        var screen = ScreenHarness(models: [])
        screen.state = ScreenState(size: TerminalSize(width: 100, height: 20), theme: .plain,
                                   store: StoreStatus(path: "/data/arena.sqlite", verdictCount: 0), judgeMode: true)
        _ = screen.takeEffects()
        let stored = BattleTurn.answered("p", texts: ["one", "two"])
        let setup = BattleSetup.named(["m1", "m2"], id: "j1", storedTurn: stored)
        screen.send(.battleReady(setup))
        screen.send(.answersLoaded(battleID: setup.battleID, turn: stored))
        screen.type("a")
        _ = screen.takeEffects()
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 1, reveals: [], leakedWords: [])))
        #expect(screen.takeEffects() == [.newBattle])
        let text = screen.screenText()
        #expect(text.contains("Saved · next comparison") && !text.contains("Shuffling"), "\(text)")
    }
}


/// The screen opens before the store is read: the count and history arrive as an event.
@Suite struct StoreLoadingTests {
    @Test func theCountAndHistoryArriveAfterTheFirstFrame() {
        var screen = ScreenHarness(width: 100, height: 20, store: StoreStatus(path: "/data/arena.sqlite", verdictCount: nil))
        #expect(screen.takeEffects().contains(.loadStore))
        #expect(screen.screenText().contains("counting…"))
        screen.type("sent now\r")
        _ = screen.takeEffects()
        screen.send(.storeLoaded(StoreDetails(verdictCount: 1_234, promptHistory: ["older one", "older two"])))
        #expect(screen.screenText().contains("1,234 verdicts"))
        #expect(screen.state.editor.history == ["older one", "older two", "sent now"])
    }

    @Test func aCountFromASavedVerdictIsNotReplacedByAnOlderOne() {
        var screen = ScreenHarness(width: 100, height: 20, store: StoreStatus(path: "/data/arena.sqlite", verdictCount: nil))
        screen.type("hi\r")
        screen.answerAll(["x", "y"])
        screen.type("a")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 8, reveals: [])))
        screen.send(.storeLoaded(StoreDetails(verdictCount: 7, error: "disk I/O error")))
        let text = screen.screenText()
        #expect(text.contains("8 verdicts") && text.contains("Store: disk I/O error"), "\(text)")
    }

    @Test func aScreenGivenItsCountDoesNotAskForIt() {
        var screen = ScreenHarness(width: 100, height: 20)
        #expect(!screen.takeEffects().contains(.loadStore))
    }
}
