import ArenaCore
import ArenaProviders
import ArenaStore
import ArgumentParser
import Foundation

/// `arena ask` — one prompt to several models at once, blind; vote; reveal; store.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Send one prompt to several models at once, blind, and record your verdict.",
        discussion: """
            Answers stream under blind labels (A, B, …) in a shuffled seat order. After your vote \
            arena reveals which model sat where, with time to first token, total time, tokens, \
            tokens/s and cost. When standard input or output is not a terminal arena never asks: \
            without --vote the battle is stored with no verdict.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var selection: ModelSelection

    @Option(name: .long, help: "A system prompt for every model.")
    var system: String?

    @Flag(name: .long, help: "Print one JSON object with every answer, its metrics and the verdict.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Record this verdict without asking: a seat label, tie, bad, skip, or with 3+ seats a ranking best → worst such as 'C>A=D>B' (= for equally good; 'C>A' ranks only the top two).", valueName: "verdict"))
    var vote: String?

    @Flag(name: .long, help: "Show model names while answers stream (the battle is stored as not blind).")
    var noBlind = false

    @Option(name: .long, help: ArgumentHelp("Seed the seat shuffle, for a reproducible seat order in scripts.", valueName: "n"))
    var seed: UInt64?

    @Argument(help: "The prompt; - reads it from standard input.")
    var prompt: String

    func run() async throws {
        let config = try await global.loadConfig()
        let chosen = try selection.chosen(from: config)
        guard chosen.count >= 2 else {
            throw CLIFailure.badInput("a battle needs at least two models (\(chosen.count) selected)")
        }
        guard chosen.count <= SeatLabels.maximum else {
            throw CLIFailure.badInput("at most \(SeatLabels.maximum) models per battle (\(chosen.count) selected); pick some with --models")
        }
        let text = try readPrompt()
        if let vote {
            do { _ = try Verdict.parse(vote, seatCount: chosen.count) } catch {
                let ranking = chosen.count > 2 ? ", skip or a ranking such as 'C>A=B'" : " or skip"
                throw CLIFailure.badInput("--vote \(vote): \(error); expected a seat label (A…\(SeatLabels.label(for: chosen.count - 1))), tie, bad\(ranking)")
            }
        }
        let store = try global.openStore()

        var seats: [Seat]
        if let seed {
            var generator = SeededGenerator(seed: seed)
            seats = SeatShuffler.seats(for: chosen, using: &generator)
        } else {
            var generator = SystemRandomNumberGenerator()
            seats = SeatShuffler.seats(for: chosen, using: &generator)
        }
        var battle = Battle(createdAt: Date(), mode: .ask, blind: !noBlind, systemPrompt: system, seats: seats)
        let interrupts = InterruptHandler()
        let answers = try await stream(battle: battle, prompt: text, config: config, interrupts: interrupts)
        battle.turns = [BattleTurn(index: 0, prompt: text, createdAt: battle.createdAt, answers: answers)]
        do { try store.save(battle: battle, turn: 0) } catch { throw CLIFailure(error.description) }

        let console = ConsoleWriter()
        let style = Style(enabled: TerminalInfo.useColor && !json)
        // The battle is stored: Ctrl-C at the verdict prompt keeps it and says so.
        let kept = "interrupted; battle \(battle.id.uuidString.lowercased()) was kept without a verdict (in \(store.path))"
        interrupts.onInterrupt {
            console.err("\narena: \(kept)\n")
            Foundation.exit(130)
        }
        let verdict = try decideVerdict(answers: answers, console: console, style: style)
        interrupts.onInterrupt(nil)
        if let verdict {
            let rater = RaterIdentity.default(config: config)
            let record = VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict, rater: rater, createdAt: Date())
            do { try store.save(verdict: record) } catch { throw CLIFailure(error.description) }
        }

        let leaked = battle.leakedWords  // one scan, for the JSON and the warning alike
        if json {
            console.out(try AskResult(battle: battle, prompt: text, answers: answers, verdict: verdict,
                                      leakedWords: leaked).encoded() + "\n")
        } else {
            console.out("\n" + RevealTable.render(battle: battle, answers: answers, verdict: verdict, style: style))
            if !leaked.isEmpty {
                console.out(style.yellow("Identity leak: an answer names \(leaked.joined(separator: ", ")); the verdict is stored but left out of rankings by default.") + "\n")
            }
            let outcome = verdict.map { "verdict: \($0.summary)" } ?? "no verdict"
            console.out(style.dim("battle \(battle.id.uuidString.lowercased()) saved (\(outcome)) in \(store.path)") + "\n")
        }
        if answers.allSatisfy({ $0.error != nil }) {
            throw CLIFailure("every model failed; see the errors above")
        }
    }

    private func readPrompt() throws -> String {
        var text = prompt
        if prompt == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let read = String(data: data, encoding: .utf8) else { throw CLIFailure.badInput("standard input is not UTF-8 text") }
            // A pipe's trailing newline (echo, heredocs) is not part of the prompt; leading text is kept as sent.
            text = String(read.reversed().drop { $0.isWhitespace }.reversed())
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CLIFailure.badInput("the prompt is empty") }
        return text
    }

    /// Streams every seat concurrently; Ctrl-C cancels them all and nothing is stored.
    private func stream(battle: Battle, prompt: String, config: ArenaConfig, interrupts: InterruptHandler) async throws -> [Answer] {
        let console = ConsoleWriter()
        let style = Style(enabled: TerminalInfo.useColor)
        let names = noBlind ? Dictionary(uniqueKeysWithValues: battle.seats.map { ($0.index, $0.model.name) }) : [:]
        let hiding = noBlind ? [] : Array(Set(battle.seats.flatMap { [$0.model.name] + $0.model.identifyingWords }))
            .sorted { $0.count > $1.count }
        let printer = LabelledStreamPrinter(seatCount: battle.seats.count, console: console, style: style,
                                            width: TerminalInfo.width, names: names, hiding: hiding)
        if !json {
            let labels = battle.seats.map { style.seat($0.index, $0.label) }.joined(separator: ", ")
            console.err(style.dim("asking \(counted(battle.seats.count, "model")), seats shuffled: ") + labels + "\n")
        }
        let client = ModelClient()
        let runner = BattleRunner(client: client, config: config)
        let quiet = json
        let task = Task {
            await runner.run(battle: battle, prompt: prompt) { seat, event in
                if !quiet { printer.handle(seat: seat, event: event) }
            }
        }
        interrupts.onInterrupt { task.cancel() }
        let answers = await task.value
        interrupts.onInterrupt(nil)
        try? await client.shutdown()
        if task.isCancelled {
            throw CLIFailure("cancelled; nothing was stored", exitCode: 130)
        }
        return answers
    }

    private func decideVerdict(answers: [Answer], console: ConsoleWriter, style: Style) throws -> Verdict? {
        if let vote {
            let verdict = Verdict(parsing: vote, seatCount: answers.count)
            if let refusal = verdict?.refusal(answers: answers) {
                throw CLIFailure("\(refusal); the battle is stored without a verdict")
            }
            return verdict
        }
        guard !json, TerminalInfo.stdinIsTerminal, TerminalInfo.stdoutIsTerminal, prompt != "-" else { return nil }
        return VotePrompt.ask(answers: answers, console: console, style: style)
    }
}
