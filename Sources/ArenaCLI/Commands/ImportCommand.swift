import ArenaCore
import ArgumentParser
import Foundation

/// `arena import FILE` — LMArena battle data or arena's own export, idempotently.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import battles from LMArena's JSON/JSONL battle data or an arena export.",
        discussion: """
            LMArena rows need model_a, model_b, winner and tstamp; conversations are kept when \
            present. Lines of `arena export --format arena-jsonl` come back as the battles they \
            were (every seat, turn, answer and verdict, rankings included). \
            Importing the same file twice adds nothing. Malformed rows are reported with their \
            line and skipped; the rest are imported in one transaction.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A .json (array) or .jsonl file.") var file: String

    func run() throws {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
            throw CLIFailure.badInput("cannot read \(file)")
        }
        let console = ConsoleWriter()
        let store = try global.openStore()
        var problems: [BattleImporter.Problem] = []
        var rows = 0
        let added: Int
        var progress = ImportProgress(totalBytes: data.count, console: console, enabled: TerminalInfo.stderrIsTerminal)
        do {
            added = try store.importBattles { add in
                problems = try BattleImporter.parse(data, file: file, batchSize: 2_000,
                                                    progress: { progress.update(bytesRead: $0, rows: rows) }) { batch in
                    rows += batch.count
                    _ = try add(batch)
                }
            }
        } catch {
            progress.finish()
            throw CLIFailure(error.description)
        }
        progress.finish()
        for problem in problems.prefix(20) { console.err("arena: skipped \(problem)\n") }
        if problems.count > 20 { console.err("arena: … and \(counted(problems.count - 20, "more malformed row"))\n") }
        console.out("imported \(counted(added, "battle")) (\(rows - added) already present, \(counted(problems.count, "malformed row")) skipped)"
                    + " into \(store.path)\n")
        if rows == 0 && !problems.isEmpty { throw CLIFailure("no valid rows in \(file)") }
    }
}
