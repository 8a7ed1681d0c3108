import ArenaCore
import ArenaStore
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
        let traffic = trafficAnswers(entries.compactMap(\.suite).filter { $0.tags.contains("traffic") })
        let rows = entries.map { entry -> [String] in
            if let error = entry.error { return [entry.name, "–", style.red("broken: \(error.description)")] }
            let description = entry.suite?.description.split(separator: "\n").first.map(String.init) ?? ""
            var text = description.isEmpty ? style.dim(entry.path) : description
            if let answers = traffic[entry.name], !entry.shadowed {
                text = "traffic · answers: " + (answers.isEmpty ? "none yet" : answers.map { "\($0.model) \($0.count)" }.joined(separator: ", "))
            }
            return [entry.name + (entry.shadowed ? " (shadowed)" : ""), String(entry.promptCount), text]
        }
        print(TextTable(header: ["suite", "prompts", ""], rows: rows, numeric: [1]).lines().joined(separator: "\n"))
        if let missingShipped { print(style.dim(missingShipped)) }
    }

    /// Stored answers per model of each traffic suite (`arena gateway --capture`), from the store
    /// when there is one; nothing when it cannot be read (listing suites never fails on the store).
    private func trafficAnswers(_ suites: [PromptSuite]) -> [String: [(model: String, count: Int)]] {
        guard !suites.isEmpty, let store = try? global.openExistingStore() else { return [:] }
        var result: [String: [(model: String, count: Int)]] = [:]
        for suite in suites {
            guard let answers = try? store.runAnswers(suite: suite.name) else { continue }
            var counts: [String: Int] = [:]
            for answer in answers where !answer.isFailure { counts[answer.key.model, default: 0] += 1 }
            result[suite.name] = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        }
        return result
    }

    /// Why the shipped suites are not listed, and how to get them.
    static func noShippedSuites() -> String {
        let executable = Bundle.main.executablePath ?? "arena"
        let installed = SuiteLibrary.installedPromptsDirectory(executablePath: executable) ?? "<prefix>/share/arena/prompts"
        return "no shipped suites: none in \(installed) and no source tree's prompts/ above \(executable) "
            + "(install them with scripts/install.sh, or set ARENA_PROMPTS_DIR)"
    }
}
