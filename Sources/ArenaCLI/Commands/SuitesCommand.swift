import ArenaCore
import ArgumentParser
import Foundation

/// `arena suites` — the prompt suites arena can run, and any that are broken.
struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List prompt suites: yours in $XDG_CONFIG_HOME/arena/prompts/, then the repo's prompts/.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let library = SuiteLoading.library(locations: global.locations)
        let entries = library.list()
        let style = Style(enabled: TerminalInfo.useColor)
        guard !entries.isEmpty else {
            print("no suites found (searched: \(library.directories.joined(separator: ", ")))")
            return
        }
        let rows = entries.map { entry -> [String] in
            if let error = entry.error { return [entry.name, "–", style.red("broken: \(error.description)")] }
            let description = entry.suite?.description.split(separator: "\n").first.map(String.init) ?? ""
            return [entry.name + (entry.shadowed ? " (shadowed)" : ""), String(entry.promptCount),
                    description.isEmpty ? style.dim(entry.path) : description]
        }
        print(TextTable(header: ["suite", "prompts", ""], rows: rows, numeric: [1]).lines().joined(separator: "\n"))
    }
}
