import ArenaTestTraits
import ArenaStore
import ArenaTestSupport
import Foundation
import Testing

/// Ctrl-C at `arena ask`'s verdict prompt, in a real terminal (tmux): the battle is already stored,
/// so arena says it was kept without a verdict and exits 130.
@Suite("Ctrl-C at the verdict prompt", .timeLimit(.minutes(1)), .enabled(if: TmuxPane.isInstalled))
struct VotePromptInterruptTests {
    @Test func saysTheBattleWasKeptWithoutAVerdictAndExits130() async throws {
        let server = try await AskCommandTests.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["fine", "slow"]))
        // bash, not sh: it carries on after a child that handled Ctrl-C itself, so the status shows.
        let command = TmuxPane.shellQuoted(ArenaProcess.binary.path) + " ask 'Explain CRDTs'; echo \"[status $?]\""
        let pane = try TmuxPane.start(["bash", "-c", command], environment: arena.environment, width: 120, height: 30)
        defer { pane.kill() }
        // Polled on a thread of its own: waiting must not block the pool the test server runs on.
        let prompted = await onOwnThread { pane.wait { $0.contains("Your verdict") } }
        #expect(prompted, "\(pane.screen())")
        try pane.send("C-c")
        let exited = await onOwnThread { pane.wait { $0.contains("[status 130]") } }
        #expect(exited, "\(pane.screen())")
        let screen = pane.screen().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("arena: interrupted; battle "), "\(pane.screen())")
        #expect(screen.contains("was kept without a verdict"))
        let battles = try BattleStore(path: arena.storePath).battles()
        #expect(battles.count == 1)
        #expect(battles.first?.verdicts.isEmpty == true)
        try await server.stop()
    }
}
