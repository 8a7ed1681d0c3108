import ArenaCore
import ArgumentParser
import Foundation

/// `arena import FILE` — LMArena battle data or arena's own export, idempotently.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import battles from LMArena's JSON/JSONL battle data or an arena export.",
        discussion: """
            Rows need model_a, model_b, winner and tstamp; conversations are kept when present. \
            Importing the same file twice adds nothing. Malformed rows are reported with their \
            line and skipped; the rest are imported in one transaction.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A .json (array) or .jsonl file.") var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure.badInput("cannot read \(file)")
        }
        let parsed = BattleImporter.parse(data, file: file)
        let console = ConsoleWriter()
        for problem in parsed.problems.prefix(20) { console.err("arena: skipped \(problem)\n") }
        if parsed.problems.count > 20 { console.err("arena: … and \(parsed.problems.count - 20) more malformed rows\n") }
        let store = try global.openStore()
        let added: Int
        do { added = try store.importBattles(parsed.battles) } catch { throw CLIFailure(error.description) }
        console.out("imported \(added) battles (\(parsed.battles.count - added) already present, \(parsed.problems.count) malformed rows skipped) into \(store.path)\n")
        if parsed.battles.isEmpty && !parsed.problems.isEmpty { throw CLIFailure("no valid rows in \(file)") }
    }
}
