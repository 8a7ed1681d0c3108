import ArenaCore
import Testing
@testable import ArenaUI

/// Screens as pictures: render into a fixed-size grid and compare with lines of text.
@Suite struct ScreenPictureTests {
    @Test func twoPanesStreamingWrapByDisplayWidth() {
        var screen = ScreenHarness(width: 60, height: 14)
        screen.type("Compare 漢字\r")
        screen.stream(seat: 0, .text("# Hi\nThis is **bold** and a long line that wraps around the pane"))
        screen.stream(seat: 1, .text("短い答え：これは日本語のテキストです。🎉 done"))
        expectPicture(screen.picture(), [
            "┏ A ━ streaming ━━━━━━━━━━━━━┓╭ B ─ streaming ─────────────╮",
            "┃› Compare 漢字              ┃│› Compare 漢字              │",
            "┃Hi                          ┃│短い答え：これは日本語のテキ│",
            "┃This is bold and a long line┃│ストです。🎉 done▌          │",
            "┃that wraps around the pane▌ ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛╰────────────────────────────╯",
            " Streaming  Esc cancel  Tab focus  z zoom",
            "› answers are streaming…",
            " arena │ /data/arena.sqlite │ 3 verdicts │ theme plain",
        ])
    }

    @Test func errorMessageIsRedactedBeforeTheVoteAndNamesAppearAfter() {
        var screen = ScreenHarness(width: 60, height: 14)
        screen.type("Compare 漢字\r")
        screen.stream(seat: 0, .text("# Hi\nThis is **bold** and a long line that wraps around the pane"))
        screen.stream(seat: 1, .text("短い答え：これは日本語のテキストです。🎉 done"))
        screen.stream(seat: 0, .finished(.stop))
        screen.stream(seat: 1, .failed(ProviderError(.serverError, "model-two exploded at api.openai.com", status: 500)))
        expectPicture(screen.picture(), [
            "┏ A ━ done ━━━━━━━━━━━━━━━━━━┓╭ B ─ error ─────────────────╮",
            "┃› Compare 漢字              ┃│› Compare 漢字              │",
            "┃Hi                          ┃│短い答え：これは日本語のテキ│",
            "┃This is bold and a long line┃│ストです。🎉 done           │",
            "┃that wraps around the pane  ┃│✗ error: ••• exploded at    │",
            "┃                            ┃│api.•••.com (HTTP 500)      │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛╰────────────────────────────╯",
            " Vote: 1-2/a-b wins  t tie  x both bad  s skip",
            "› vote to continue",
            " arena │ /data/arena.sqlite │ 3 verdicts │ theme plain",
        ])
        screen.type("a")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 4, reveals: [
            SeatReveal(modelName: "model-one", timeToFirstTokenMilliseconds: 312, tokensPerSecond: 55.25,
                       outputTokens: 1234, costUSD: 0.0042),
            SeatReveal(modelName: "model-two", timeToFirstTokenMilliseconds: 90, outputTokens: 12,
                       outputTokensEstimated: true),
        ])))
        expectPicture(screen.picture(), [
            "┏ A  ★ winner  model-one ━━━━┓╭ B  model-two ─ error ──────╮",
            "┃TTFT 312 ms · 55.3 tok/s    ┃│TTFT 90 ms · ~12 tok        │",
            "┃1,234 tok · $0.0042         ┃│› Compare 漢字              │",
            "┃› Compare 漢字              ┃│短い答え：これは日本語のテキ│",
            "┃Hi                          ┃│ストです。🎉 done           │",
            "┃This is bold and a long line┃│✗ error: model-two exploded │",
            "┃that wraps around the pane  ┃│at api.openai.com (HTTP 500)│",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┃                            ┃│                            │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛╰────────────────────────────╯",
            " Follow-up: type  nn new battle  qq quit      Verdict saved",
            "› Ask a follow-up, or nn for a new battle",
            " arena │ /data/arena.sqlite │ 4 verdicts │ theme plain",
        ])
    }

    /// After the vote, a pane whose server reported another model than the configured id says
    /// which one answered, before its numbers; a pane whose server echoed the id says nothing.
    @Test func theRevealNamesTheServedSnapshot() {
        var screen = ScreenHarness(width: 60, height: 10)
        screen.type("Hi\r")
        screen.stream(seat: 0, .text("Hello."))
        screen.stream(seat: 1, .text("Hey."))
        screen.stream(seat: 0, .finished(.stop))
        screen.stream(seat: 1, .finished(.stop))
        screen.type("t")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 4, reveals: [
            SeatReveal(modelName: "gpt-4o", timeToFirstTokenMilliseconds: 312, outputTokens: 3, servedModel: "gpt-4o-2024-08-06"),
            SeatReveal(modelName: "smol", timeToFirstTokenMilliseconds: 90, outputTokens: 2),
        ])))
        let picture = screen.picture()
        #expect(picture[1] == "┃served gpt-4o-2024-08-06 ·  ┃│TTFT 90 ms · 2 tok          │"
                || picture[1].hasPrefix("┃served gpt-4o-2024-08-06"), "\(picture)")
        #expect(picture.joined().contains("TTFT 312 ms"))
        #expect(!picture[1].contains("served smol"))
    }

    @Test func fourPanesAt40x12UseTwoRows() {
        var screen = ScreenHarness(width: 40, height: 12, models: ["a", "b", "c", "d"])
        expectPicture(screen.picture(), [
            "┏ A ━━━━━━━━━━━━━━━┓╭ B ───────────────╮",
            "┃                  ┃│                  │",
            "┃                  ┃│                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯",
            "╭ C ───────────────╮╭ D ───────────────╮",
            "│                  ││                  │",
            "│                  ││                  │",
            "│                  ││                  │",
            "╰──────────────────╯╰──────────────────╯",
            " Type a prompt  Enter send  Ctrl-J newli",
            "› Ask all models something…",
            " arena │ …ata/arena.sqlite │ 3 verdicts",
        ])
    }

    @Test func eightPanesMakeAGrid() {
        var screen = ScreenHarness(width: 80, height: 14, models: ["1", "2", "3", "4", "5", "6", "7", "8"])
        expectPicture(screen.picture(), [
            "┏ A ━━━━━━━━━━━━━━━┓╭ B ───────────────╮╭ C ───────────────╮╭ D ───────────────╮",
            "┃                  ┃│                  ││                  ││                  │",
            "┃                  ┃│                  ││                  ││                  │",
            "┃                  ┃│                  ││                  ││                  │",
            "┗━━━━━━━━━━━━━━━━━━┛╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            "╭ E ───────────────╮╭ F ───────────────╮╭ G ───────────────╮╭ H ───────────────╮",
            "│                  ││                  ││                  ││                  │",
            "│                  ││                  ││                  ││                  │",
            "│                  ││                  ││                  ││                  │",
            "│                  ││                  ││                  ││                  │",
            "╰──────────────────╯╰──────────────────╯╰──────────────────╯╰──────────────────╯",
            " Type a prompt  Enter send  Ctrl-J newline  ? keys",
            "› Ask all models something…",
            " arena │ /data/arena.sqlite │ 3 verdicts │ theme plain               ? all keys",
        ])
    }

    @Test func crampedTerminalShowsOnePaneUnderASeatStrip() {
        var screen = ScreenHarness(width: 20, height: 6, models: ["a", "b", "c", "d"])
        screen.type("hi\r")
        screen.stream(seat: 0, .text("hello world"))
        expectPicture(screen.picture(), [
            " A▸   B…   C…   D…",
            "› hi",
            "hello world▌",
            " Streaming  Esc canc",
            "› answers are stream",
            " arena │ 3 verdicts",
        ])
    }

    @Test func belowTheMinimumSaysTerminalTooSmall() {
        var screen = ScreenHarness(width: 19, height: 5)
        expectPicture(screen.picture(), [
            "",
            "Terminal too small",
            "  19×5, need 20×6",
            "",
            "",
        ])
    }
}

func expectPicture(_ actual: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let trimmedExpected = expected.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    if actual != trimmedExpected {
        let rows = max(actual.count, trimmedExpected.count)
        var report = "picture differs (- expected, + actual):\n"
        for row in 0..<rows {
            let want = row < trimmedExpected.count ? trimmedExpected[row] : "<none>"
            let got = row < actual.count ? actual[row] : "<none>"
            report += want == got ? "  \(got)\n" : "- \(want)\n+ \(got)\n"
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}
