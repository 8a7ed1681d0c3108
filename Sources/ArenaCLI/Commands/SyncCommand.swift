import ArenaStore
import ArgumentParser
import Foundation

/// `arena sync --to URL` / `--from URL` — offline first: judge on a laptop, share with the team.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push this store's battles and verdicts to a team store, or pull the team's into this one.",
        discussion: """
            The other store is a postgres:// URL (password from PGPASSWORD or ~/.pgpass) or a \
            SQLite path. Battles, later turns, verdicts, run answers and adequacy marks are matched \
            by stable ids, so running it twice adds nothing; of two different verdicts for the same \
            turn the later one wins.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Push to this store.", valueName: "url|path")) var to: String?
    @Option(help: ArgumentHelp("Pull from this store.", valueName: "url|path")) var from: String?

    func validate() throws {
        guard (to == nil) != (from == nil) else { throw ValidationError("give exactly one of --to or --from") }
    }

    func run() throws {
        let local = try global.openStore()
        let otherLocation = to ?? from ?? ""
        let other: BattleStore
        do { other = try BattleStore(location: otherLocation) } catch { throw CLIFailure(error.description) }
        guard other.path != local.path else { throw CLIFailure.badInput("--\(to != nil ? "to" : "from") names this same store") }
        let report: StoreSync.Report
        do {
            report = to != nil ? try StoreSync.copy(from: local, to: other) : try StoreSync.copy(from: other, to: local)
        } catch {
            throw CLIFailure(error.description)
        }
        let (source, target) = to != nil ? (local.path, other.path) : (other.path, local.path)
        ConsoleWriter().out("synced \(source) → \(target): \(report.summary)\n")
    }
}
