import ArenaCore
import Testing
@testable import ArenaUI

/// The ranking vote as pictures: the rank being built in the pane titles (1st, 2nd, =2nd …) and
/// nothing else about a seat until the vote is saved; then the saved rank beside the name.
@Suite struct RankingPictureTests {
    static func names(_ count: Int) -> [String] { (0..<count).map { "secret-\(["a", "b", "c", "d", "e", "f", "g", "h"][$0])" } }

    /// A battle of `seats` with short answers, every pane done, waiting for the vote.
    func voting(_ seats: Int, width: Int, height: Int) -> ScreenHarness {
        var screen = ScreenHarness(width: width, height: height, models: Self.names(seats))
        screen.type("Rank us\r")
        screen.answerAll((0..<seats).map { "Answer \(ScreenBattle.label($0))" })
        return screen
    }

    func expectBlind(_ screen: inout ScreenHarness, seats: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = screen.screenText()
        for name in Self.names(seats) { #expect(!text.contains(name), "\(name) shown before the save", sourceLocation: sourceLocation) }
        #expect(!text.contains("tok") && !text.contains("$") && !text.contains("TTFT"), sourceLocation: sourceLocation)
    }

    func save(_ screen: inout ScreenHarness, seats: Int) {
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 4, reveals: Self.names(seats).map {
            SeatReveal(modelName: $0, timeToFirstTokenMilliseconds: 120, outputTokens: 40)
        })))
    }

    @Test func threePanesShowTheRankBeingBuilt() {
        var screen = voting(3, width: 66, height: 9)
        #expect(!screen.picture()[0].contains("1st"))
        screen.type("c")
        #expect(screen.picture()[0] == "┏ A ━ done ━━━━━━━━━━┓╭ B ─ done ──────────╮╭ C  1st ─ done ─────╮")
        screen.type(" a")                           // B, left over, is shown last: what Enter saves
        expectPicture(screen.picture(), [
            "┏ A  2nd ━ done ━━━━━┓╭ B  3rd ─ done ─────╮╭ C  1st ─ done ─────╮",
            "┃› Rank us           ┃│› Rank us           ││› Rank us           │",
            "┃Answer A            ┃│Answer B            ││Answer C            │",
            "┃                    ┃│                    ││                    │",
            "┃                    ┃│                    ││                    │",
            "┗━━━━━━━━━━━━━━━━━━━━┛╰────────────────────╯╰────────────────────╯",
            " Ranking: C > A > B  Enter save  Backspace undo  Esc leave",
            "› vote to continue",
            " arena │ …ta/arena.sqlite │ 3 verdicts │ theme plain   ? all keys",
        ])
        expectBlind(&screen, seats: 3)
    }

    @Test func fourPanesShowEqualsAsASharedRank() {
        var screen = voting(4, width: 80, height: 9)
        screen.type("c a=d")
        expectPicture(screen.picture(), [
            "┏ A  =2nd ━ done ━━┓╭ B  3rd ─ done ───╮╭ C  1st ─ done ───╮╭ D  =2nd ─ done ──╮",
            "┃› Rank us         ┃│› Rank us         ││› Rank us         ││› Rank us         │",
            "┃Answer A          ┃│Answer B          ││Answer C          ││Answer D          │",
            "┃                  ┃│                  ││                  ││                  │",
            "┃                  ┃│                  ││                  ││                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            " Ranking: C > A = D > B  Enter save  Backspace undo  Esc leave",
            "› vote to continue",
            " arena │ /data/arena.sqlite │ 3 verdicts │ theme plain               ? all keys",
        ])
        expectBlind(&screen, seats: 4)
        screen.type("\r")
        #expect(screen.state.phase == .saving)
        expectBlind(&screen, seats: 4)              // saving: still nothing revealed
        save(&screen, seats: 4)
        expectPicture(screen.picture(), [
            "┏ A  =2nd  secret-a┓╭ B  3rd  secret-b ╮╭ C  1st  secret-c ╮╭ D  =2nd  secret-d╮",
            "┃› Rank us         ┃│› Rank us         ││› Rank us         ││› Rank us         │",
            "┃Answer A          ┃│Answer B          ││Answer C          ││Answer D          │",
            "┃                  ┃│                  ││                  ││                  │",
            "┃                  ┃│                  ││                  ││                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            " Follow-up: type  nn new battle  qq quit                          Verdict saved",
            "› Ask a follow-up, or nn for a new battle",
            " arena │ /data/arena.sqlite │ 4 verdicts │ theme plain               ? all keys",
        ])
    }

    @Test func eightPanesShowEveryRankThenTheSavedRanksWithTheNames() {
        var screen = voting(8, width: 80, height: 14)
        screen.type("c a=d b")
        expectPicture(screen.picture(), [
            "┏ A  =2nd ━ done ━━┓╭ B  3rd ─ done ───╮╭ C  1st ─ done ───╮╭ D  =2nd ─ done ──╮",
            "┃› Rank us         ┃│› Rank us         ││› Rank us         ││› Rank us         │",
            "┃Answer A          ┃│Answer B          ││Answer C          ││Answer D          │",
            "┃                  ┃│                  ││                  ││                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            "╭ E ─ done ────────╮╭ F ─ done ────────╮╭ G ─ done ────────╮╭ H ─ done ────────╮",
            "│› Rank us         ││› Rank us         ││› Rank us         ││› Rank us         │",
            "│Answer E          ││Answer F          ││Answer G          ││Answer H          │",
            "│                  ││                  ││                  ││                  │",
            "│                  ││                  ││                  ││                  │",
            "╰──────────────────╯╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            " Ranking: C > A = D > B > …  Enter save  Backspace undo  Esc leave",
            "› vote to continue",
            " arena │ /data/arena.sqlite │ 3 verdicts │ theme plain               ? all keys",
        ])
        expectBlind(&screen, seats: 8)
        screen.type("\r")
        save(&screen, seats: 8)
        expectPicture(screen.picture(), [
            "┏ A  =2nd  secret-a┓╭ B  3rd  secret-b ╮╭ C  1st  secret-c ╮╭ D  =2nd  secret-d╮",
            "┃› Rank us         ┃│› Rank us         ││› Rank us         ││› Rank us         │",
            "┃Answer A          ┃│Answer B          ││Answer C          ││Answer D          │",
            "┃                  ┃│                  ││                  ││                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            "╭ E  secret-e ─────╮╭ F  secret-f ─────╮╭ G  secret-g ─────╮╭ H  secret-h ─────╮",
            "│› Rank us         ││› Rank us         ││› Rank us         ││› Rank us         │",
            "│Answer E          ││Answer F          ││Answer G          ││Answer H          │",
            "│                  ││                  ││                  ││                  │",
            "│                  ││                  ││                  ││                  │",
            "╰──────────────────╯╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            " Follow-up: type  nn new battle  qq quit                          Verdict saved",
            "› Ask a follow-up, or nn for a new battle",
            " arena │ /data/arena.sqlite │ 4 verdicts │ theme plain               ? all keys",
        ])
    }

    @Test func aCrampedScreenShowsRanksInTheSeatStrip() {
        var screen = voting(4, width: 24, height: 7)
        screen.type("b=d")
        expectPicture(screen.picture(), [
            " A✓   B1   C✓   D1",
            "› Rank us",
            "Answer A",
            "",
            " Ranking: B = D > …  Ent",
            "› vote to continue",
            " arena │ 3 verdicts",
        ])
    }
}
