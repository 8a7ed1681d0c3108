import ArenaCore
import ArenaStore
import ArgumentParser
import Foundation

/// `arena store verify` — checks what the store keeps besides its rows.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check the store.",
        subcommands: [StoreVerifyCommand.self])
}

/// `arena store verify [--repair]` — recounts the ranking tallies from the verdicts.
struct StoreVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recount the ranking tallies from the stored verdicts and compare; exit 1 on any difference.",
        discussion: """
            The store keeps, in the same transaction as every vote, import and sync, how many verdicts \
            have each ranking shape (rater, verdict, blind, leaked, each seat's model and whether it \
            counts), so `arena leaderboard` reads counts instead of every verdict. This recounts them \
            from the verdicts themselves. An older arena writing to the same store leaves them out of \
            step (the leaderboard then reads the verdicts, and says so); --repair recounts them.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Replace the tallies with the recount when they differ.") var repair = false
    @Option(help: "Differences to list.") var show: Int = 10

    func run() throws {
        let store = try global.openExistingStore()
        let output = ConsoleWriter()
        let check: RankingTallyCheck
        do { check = try store.verifyRankingTallies() } catch { throw CLIFailure(error.description) }
        if check.matches {
            output.out("ranking tallies match the verdicts: \(check.verdicts) verdicts in \(check.shapes) shapes (\(store.path))\n")
            return
        }
        var lines = ["ranking tallies differ from the verdicts (\(store.path)):"]
        if check.unreadableRows > 0 { lines.append("  \(check.unreadableRows) tally rows do not read back") }
        for difference in check.differences.prefix(max(show, 0)) {
            lines.append("  \(Self.describe(difference.shape)): stored \(difference.stored), recounted \(difference.recounted)")
        }
        if check.differences.count > show { lines.append("  … and \(check.differences.count - show) more shapes") }
        if repair {
            do { try store.repairRankingTallies() } catch { throw CLIFailure(error.description) }
            lines.append("repaired: the tallies are now the recount (\(check.verdicts) verdicts in \(check.shapes) shapes)")
            output.out(lines.joined(separator: "\n") + "\n")
            return
        }
        lines.append("run `arena store verify --repair` to recount them")
        throw CLIFailure(lines.joined(separator: "\n"))
    }

    /// One line a person can read: `ana: A (a-model vs b-model)`, flags after.
    static func describe(_ shape: RankingShape) -> String {
        let seats = shape.seats.map { $0.model + ($0.counts ? "" : " (cannot count)") }.joined(separator: " vs ")
        var flags: [String] = []
        if !shape.blind { flags.append("not blind") }
        if shape.leaked { flags.append("leaked") }
        return "\(shape.rater): \(shape.verdict.code) (\(seats))" + (flags.isEmpty ? "" : ", " + flags.joined(separator: ", "))
    }
}
