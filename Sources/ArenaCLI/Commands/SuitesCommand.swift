import ArenaCore
import ArgumentParser
import Foundation

/// `arena suites` — the prompt suites arena can run (`list`, the default) and how healthy a
/// suite's prompts are (`health`).
struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List prompt suites, check which of a suite's prompts still tell models apart, or hold some out.",
        subcommands: [SuitesListCommand.self, SuitesHealthCommand.self, SuitesSplitCommand.self],
        defaultSubcommand: SuitesListCommand.self)
}

/// `arena suites [list]` — the prompt suites arena can run, and any that are broken.
struct SuitesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List prompt suites: yours in $XDG_CONFIG_HOME/arena/prompts/, then the repo's prompts/.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let library = SuiteLoading.library(locations: global.locations)
        let entries = library.list()
        let style = Style(enabled: TerminalInfo.useColor)
        let missingShipped = SuiteLoading.shippedDirectory() == nil ? Self.noShippedSuites() : nil
        guard !entries.isEmpty else {
            let searched = library.directories.map { FileManager.default.fileExists(atPath: $0) ? $0 : "\($0) (does not exist)" }
            print("no suites found; looked in \(searched.joined(separator: ", "))" + (missingShipped.map { "; \($0)" } ?? ""))
            return
        }
        let rows = entries.map { entry -> [String] in
            if let error = entry.error { return [entry.name, "–", style.red("broken: \(error.description)")] }
            let description = entry.suite?.description.split(separator: "\n").first.map(String.init) ?? ""
            return [entry.name + (entry.shadowed ? " (shadowed)" : ""), String(entry.promptCount),
                    description.isEmpty ? style.dim(entry.path) : description]
        }
        print(TextTable(header: ["suite", "prompts", ""], rows: rows, numeric: [1]).lines().joined(separator: "\n"))
        if let missingShipped { print(style.dim(missingShipped)) }
    }

    /// Why the shipped suites are not listed, and how to get them.
    static func noShippedSuites() -> String {
        let executable = Bundle.main.executablePath ?? "arena"
        let installed = SuiteLibrary.installedPromptsDirectory(executablePath: executable) ?? "<prefix>/share/arena/prompts"
        return "no shipped suites: none in \(installed) and no source tree's prompts/ above \(executable) "
            + "(install them with scripts/install.sh, or set ARENA_PROMPTS_DIR)"
    }
}
