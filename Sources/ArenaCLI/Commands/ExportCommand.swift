import ArenaCore
import ArgumentParser
import Foundation

/// `arena export` — battles in LMArena's battle schema (plus arena's own fields).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print stored battles in LMArena's battle schema, one comparison per row, or whole battles.",
        discussion: """
            jsonl and csv: each voted turn becomes one row per pair of seats its verdict orders: with \
            more than two seats the winner gets a row against each other seat, a ranking gives each \
            ranked seat a row against every seat below it (a tie row for seats ranked equal), and a \
            tie or "both bad" gives a row for every pair. Seats whose answer failed are left out. \
            Skipped and unvoted turns appear only with --all. \
            arena-jsonl: one whole battle per line (seats, models, answers, metrics, each turn's \
            verdict or ranking), every battle; `arena import` reads it back into another store.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "jsonl or csv (pairwise rows, LMArena's schema) or arena-jsonl (whole battles, for arena import).") var format: ExportFormat = .jsonl
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
            let part = try exportFormat.text(for: stored, includeUnvoted: all, redactPrompts: redact)
            text += part.text
            rows += part.rows
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
            let hint = rows == 0 && !all && exportFormat != .arenaJSONL ? " (unvoted and skipped turns are exported only with --all)" : ""
            let unit = exportFormat == .arenaJSONL ? "battle" : "row"
            FileHandle.standardError.write(Data("arena: wrote \(counted(rows, unit)) to \(out)\(hint)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
