import ArenaCore
import ArgumentParser
import Foundation

/// `arena export` — battles in LMArena's battle schema (plus arena's own fields).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print stored battles in LMArena's battle schema, one comparison per row.",
        discussion: """
            Each voted turn becomes one row per pair of seats: with more than two seats the winner \
            gets a row against each other seat; a tie or "both bad" gives a row for every pair. \
            Seats whose answer failed are left out. Skipped and unvoted turns appear only with --all.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "How to write the rows.") var format: ExportFormat = .jsonl
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @Flag(name: .long, help: "Also export turns that were skipped or have no verdict (winner null).") var all = false
    @Flag(name: .long, help: "Replace every prompt (user messages and system prompts) with [redacted]; answers stay.") var redact = false

    func run() throws {
        let exportFormat = format
        let store = try global.openExistingStore()
        let battles: [StoredBattle]
        do { battles = try store.battles() } catch { throw CLIFailure(error.description) }
        var text = exportFormat.header ?? ""
        var rows = 0
        for stored in battles {
            for row in BattleExporter.rows(for: stored, includeUnvoted: all, redactPrompts: redact) {
                text += try exportFormat.line(row)
                rows += 1
            }
        }
        if let out {
            let temporary = out + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CLIFailure("cannot write \(out)")
            }
            do {
                if FileManager.default.fileExists(atPath: out) { try FileManager.default.removeItem(atPath: out) }
                try FileManager.default.moveItem(atPath: temporary, toPath: out)
            } catch {
                throw CLIFailure("cannot write \(out): \(error.localizedDescription)")
            }
            // Standard output stays empty (it may be piped); the confirmation goes to standard error.
            let hint = rows == 0 && !all ? " (unvoted and skipped turns are exported only with --all)" : ""
            FileHandle.standardError.write(Data("arena: wrote \(counted(rows, "row")) to \(out)\(hint)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
