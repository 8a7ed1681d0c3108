import ArenaCore
import ArenaFuzz
import Testing
@testable import ArenaUI

/// The ranking vote in battles of 3+ seats: keys in, the submitted `VerdictChoice` out.
@Suite struct RankingVoteTests {
    /// A battle of `seats` whose answers are all in, effects cleared.
    func voting(_ seats: Int, width: Int = 160) -> ScreenHarness {
        var screen = ScreenHarness(width: width, height: 20, models: (0..<seats).map { "secret-\($0)" })
        screen.type("rank these\r")
        screen.answerAll((0..<seats).map { "answer \($0)" })
        _ = screen.takeEffects()
        return screen
    }

    func ranking(_ code: String, seats: Int) throws -> VerdictChoice {
        .ranking(try SeatRanking(parsing: code, seatCount: seats))
    }

    @Test func seatKeysThenEnterSaveTheRankingWithTies() throws {
        var screen = voting(4)
        screen.type("c a=d b")
        #expect(screen.takeEffects().isEmpty)       // nothing saved before Enter
        #expect(screen.state.phase == .voting)
        screen.type("\r")
        #expect(screen.lastSubmission()?.choice == (try ranking("C>A=D>B", seats: 4)))
        #expect(screen.state.rankingDraft.isEmpty)
    }

    @Test func aPartialRankingIsTheseAboveAllTheRest() throws {
        var screen = voting(5)
        screen.type("ca\r")
        let choice = try #require(screen.lastSubmission()?.choice)
        #expect(choice == (try ranking("C>A", seats: 5)))
        if case .ranking(let saved) = choice { #expect(saved.unranked == [1, 3, 4]) }
    }

    @Test func allButOneImpliesTheLastAndAWinnerAloneIsASeatVote() throws {
        var screen = voting(4)
        screen.type("cad\r")
        #expect(screen.lastSubmission()?.choice == (try ranking("C>A>D>B", seats: 4)))
        var alone = voting(4)
        alone.type("b\r")
        #expect(alone.lastSubmission()?.choice == .seat(1))
        var equal = voting(3)
        equal.type("a=b=c\r")
        #expect(equal.lastSubmission()?.choice == .tie)
    }

    @Test func backspaceUndoesTheLastSeatOrADanglingEquals() throws {
        var screen = voting(4)
        screen.type("ca")
        screen.key(.backspace)
        screen.type("d=")
        screen.key(.backspace)                      // the `=`
        screen.type("b\r")
        #expect(screen.lastSubmission()?.choice == (try ranking("C>D>B", seats: 4)))

        var empty = voting(3)
        empty.type("b")
        empty.key(.backspace)
        empty.type("\r")                            // no ranking left: Enter does not vote
        #expect(empty.takeEffects().isEmpty)
        #expect(empty.state.phase == .voting)
    }

    @Test func enterRefusesADanglingEquals() throws {
        var screen = voting(4, width: 200)
        screen.type("c=\r")
        #expect(screen.takeEffects().isEmpty)
        #expect(screen.screenText().contains("'=' needs a seat after it"))
        screen.type("a\r")
        #expect(screen.lastSubmission()?.choice == (try ranking("A=C", seats: 4)))
    }

    @Test func escLeavesTheRankingAndASecondEscActsAsBefore() {
        var screen = voting(3)
        screen.type("z")
        screen.type("ca")
        screen.key(.escape)
        #expect(screen.state.rankingDraft.isEmpty)
        #expect(screen.state.zoomed)                // the first Esc only left the ranking
        screen.key(.escape)
        #expect(!screen.state.zoomed)
        screen.type("b\r")
        #expect(screen.lastSubmission()?.choice == .seat(1))
    }

    @Test func aSeatThatFailedCannotBeRankedAndAPlacedSeatNotTwice() {
        var screen = ScreenHarness(width: 200, height: 20, models: ["m1", "m2", "m3"])
        screen.type("rank these\r")
        screen.answerAll(["one", "two"])
        screen.stream(seat: 2, .failed(ProviderError(.serverError, "boom", status: 500)))
        _ = screen.takeEffects()
        screen.type("c")
        #expect(screen.state.rankingDraft.isEmpty)
        #expect(screen.screenText().contains("C failed, so it cannot win: pick another, t, x or s"))
        screen.type("aa")
        #expect(screen.screenText().contains("A is already 1st"))
        #expect(screen.state.rankingDraft.groups == [[0]])
        // A then B leaves the failed C last on its own, above nobody: that ranking is allowed.
        screen.type("b\r")
        #expect(screen.lastSubmission()?.choice == .ranking(try! SeatRanking(groups: [[0], [1], [2]], seatCount: 3)))
    }

    @Test func aSeatKeyBeyondTheBattleIsRefused() {
        var screen = voting(4, width: 200)
        screen.type("e")
        #expect(screen.state.rankingDraft.isEmpty)
        #expect(screen.screenText().contains("There is no seat E"))
    }

    @Test func tieBothBadAndSkipVoteAtOnceAndDropTheDraft() {
        for (key, choice) in [("t", VerdictChoice.tie), ("x", .bothBad), ("s", .skip)] {
            var screen = voting(4)
            screen.type("ca" + key)
            #expect(screen.lastSubmission()?.choice == choice)
            #expect(screen.state.rankingDraft.isEmpty)
        }
    }

    @Test func twoSeatsStillVoteWithOneKey() {
        var screen = voting(2)
        screen.type("b")
        #expect(screen.lastSubmission()?.choice == .seat(1))
        #expect(screen.state.rankingDraft.isEmpty)
    }

    @Test func theVerdictBarShowsTheDraftAndTheHintMentionsRanking() {
        var screen = voting(4)
        #expect(screen.screenText().contains("Vote: 1-4/a-d rank (Enter saves)  t tie"))
        screen.type("c a=")
        #expect(screen.screenText().contains("Ranking: C > A = …  Enter save  Backspace undo  Esc leave"))
        screen.type("d")
        #expect(screen.screenText().contains("Ranking: C > A = D > B  Enter save"))   // B is implied last
        screen.key(.backspace)
        screen.key(.backspace)
        #expect(screen.screenText().contains("Ranking: C > …"))
    }

    /// Judging: `=` marks the focused answer adequate outside a ranking, and means "equal" inside.
    @Test func equalsIsAdequacyOutsideADraftInJudgeMode() throws {
        var screen = ScreenHarness(models: [])
        screen.state = ScreenState(size: TerminalSize(width: 160, height: 20), theme: .plain,
                                   store: StoreStatus(path: "/data/arena.sqlite", verdictCount: 0), judgeMode: true)
        _ = screen.takeEffects()
        let stored = BattleTurn.answered("p", texts: ["one", "two", "three"])
        let setup = BattleSetup.named(["m1", "m2", "m3"], id: "j1", caption: "suite · 1/3", storedTurn: stored)
        screen.send(.battleReady(setup))
        screen.send(.answersLoaded(battleID: setup.battleID, turn: stored))
        #expect(screen.takeEffects().isEmpty)   // loaded answers are not streamed, nor saved again
        #expect(screen.screenText().contains("1-3 rank (Enter saves) t/x/s"))
        screen.type("=")
        #expect(screen.takeEffects() == [.markAdequacy(battleID: setup.battleID, seat: 0, adequate: true)])
        screen.type("b=c\r")
        #expect(screen.lastSubmission()?.choice == (try ranking("B=C>A", seats: 3)))
    }
}
