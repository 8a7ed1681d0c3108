import ArenaCore
import Testing
@testable import ArenaUI

/// Toasts sit in the verdict bar (never over a pane's border or text), expire after about two
/// seconds, and a message too long for the bar is wrapped over the bar and status line, whole.
@Suite struct ToastTests {
    @Test func aToastLeavesPaneBordersAloneAndExpires() {
        var screen = ScreenHarness(width: 60, height: 12)
        screen.type("hi\r")
        screen.answerAll(["one", "two"])
        screen.type("s")
        screen.send(.verdictSaved(turn: 0, receipt: VerdictReceipt(verdictCount: 3, reveals: [])))
        let picture = screen.picture()
        #expect(picture[8] == "╰──────────────────────────────────────────────────────────╯" || picture[8].hasPrefix("┗"))
        #expect(picture[9].hasSuffix("Skipped: names stay hidden"))
        screen.send(.tick(.milliseconds(1900)))
        #expect(screen.picture()[9].hasSuffix("Skipped: names stay hidden"))
        screen.send(.tick(.milliseconds(2100)))
        #expect(!screen.screenText().contains("Skipped"))
    }

    @Test func anUnknownThemeNoticeIsShownWhole() {
        let (_, warning) = ThemeResolver.resolve(name: "solarized-nope", environment: ["HOME": "/home/u"])
        let notice = try! #require(warning)
        #expect(DisplayWidth.of(notice) > 60, "the notice is longer than the bar: \(notice)")
        var state = ScreenState(size: TerminalSize(width: 60, height: 12), theme: .plain,
                                store: StoreStatus(path: "/data/arena.sqlite", verdictCount: 0), notice: notice)
        _ = state.start()
        let lines = ScreenRenderer.render(&state).grid.lines
        let shown = lines[9...11].joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(shown == notice.split(separator: " ").joined(separator: " "), "\(lines[9...11].joined(separator: "\n"))")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    }
}
