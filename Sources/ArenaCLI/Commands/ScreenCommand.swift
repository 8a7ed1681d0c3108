import ArenaCore
import ArenaProviders
import ArenaTerminal
import ArenaUI
import ArgumentParser
import Foundation

/// `arena` with no subcommand: the full-screen arena.
struct ScreenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Open the arena screen (the default): type a prompt, watch the answers stream blind, vote.",
        discussion: "Press ? inside for every key. Themes: dark (default), light, high-contrast, monochrome, or your own in $XDG_CONFIG_HOME/arena/themes/.")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var selection: ModelSelection

    @Option(name: .long, help: "Colour theme by name or path to a theme file.")
    var theme: String?

    @Option(name: .long, help: "A system prompt for every model.")
    var system: String?

    func run() async throws {
        guard TerminalInfo.stdinIsTerminal, TerminalInfo.stdoutIsTerminal else {
            throw CLIFailure.badInput("the arena screen needs a terminal; for scripts use `arena ask`")
        }
        let config = try await global.loadConfig()
        let chosen = try selection.chosen(from: config)
        guard chosen.count >= 2 else { throw CLIFailure.badInput("a battle needs at least two models (\(chosen.count) selected)") }
        guard chosen.count <= SeatLabels.maximum else {
            throw CLIFailure.badInput("at most \(SeatLabels.maximum) models per battle (\(chosen.count) configured); pick some with --models")
        }
        let store = try global.openStore()
        let client = ModelClient()
        let rater = RaterIdentity.default(config: config)
        let session = ScreenSession(models: chosen, config: config, store: store, client: client, rater: rater, systemPrompt: system)
        var environment = ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil { environment["XDG_CONFIG_HOME"] = (global.locations.configDirectory as NSString).deletingLastPathComponent }
        let (resolvedTheme, warning) = ThemeResolver.resolve(name: theme, environment: environment)
        do {
            try await ArenaScreen.run(environment: session.environment(), theme: resolvedTheme, notice: warning)
        } catch let error as TerminalError {
            try? await client.shutdown()
            throw CLIFailure(error.message)
        }
        try? await client.shutdown()
    }
}
