import ArenaCore
import ArenaProviders
import ArenaStore
import ArgumentParser
import Foundation

/// `arena run SUITE` — every prompt of a suite to every model, stored as it streams; resumable.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send every prompt of a suite to every model and store the answers (resumable).",
        discussion: """
            Answers are stored one by one as they finish, so an interrupted run keeps its work: run \
            it again and it does only what is missing — prompts never answered, failures (which are \
            recorded as failures, never as answers), and prompts whose text, system prompt or \
            parameters changed since. Judge the answers later, blind, with `arena judge`.
            Concurrency: --concurrency requests at once overall; per endpoint (base URL) at most \
            the model's `max_concurrency` from the config, by default 1 for servers on this machine \
            (llama.cpp serves one request at a time, and queueing would distort the timings) and 4 \
            for remote ones; `requests_per_minute` paces an endpoint.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A suite name (see `arena suites`) or a path to a suite file.") var suite: String
    @OptionGroup var selection: ModelSelection
    @Option(name: .long, help: "Answers per prompt and model (to measure variation).") var `repeat`: Int = 1
    @Option(name: .long, help: "Requests in flight at once, over all models.") var concurrency: Int = 4

    func validate() throws {
        guard `repeat` >= 1, `repeat` <= 100 else { throw ValidationError("--repeat must be between 1 and 100") }
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    func run() async throws {
        let promptSuite = try SuiteLoading.load(suite, locations: global.locations)
        let config = try await global.loadConfig()
        let chosen = try selection.chosen(from: config)
        try await SuiteRun.execute(suite: promptSuite, config: config, models: chosen, store: try global.openStore(),
                                   repeats: `repeat`, concurrency: concurrency)
    }
}

/// Runs a suite's prompts on some models and stores the answers as they finish: `arena run`, and
/// `arena drift` (the same model again, under a dated name).
enum SuiteRun {
    static func execute(suite promptSuite: PromptSuite, config: ArenaConfig, models chosen: [ModelConfig], store: BattleStore,
                        repeats: Int, concurrency: Int) async throws {
        let jobs = SuitePlan.jobs(suite: promptSuite, models: chosen, repeats: repeats)
        let completed: [RunAnswer.Key: String]
        do { completed = try store.completedRunKeys(suite: promptSuite.name) } catch { throw CLIFailure(error.description) }
        let pending = jobs.filter { job in
            completed[RunAnswer.Key(suite: job.suite, promptID: job.promptID, repeatIndex: job.repeatIndex,
                                    model: job.request.model.name)] != job.fingerprint
        }
        let console = ConsoleWriter()
        let style = Style(enabled: TerminalInfo.useColor)
        console.err("run \(promptSuite.name): \(counted(promptSuite.prompts.count, "prompt")) × \(counted(chosen.count, "model"))"
                    + " × \(repeats) = \(counted(jobs.count, "request"))"
                    + (jobs.count > pending.count ? "; \(jobs.count - pending.count) already done" : "") + "\n")
        guard !pending.isEmpty else {
            console.out("nothing to do: every answer of \(promptSuite.name) is stored (\(store.path))\n")
            return
        }

        let progress = RunProgress(label: promptSuite.name, total: pending.count, skipped: jobs.count - pending.count,
                                   console: console, style: style, interactive: TerminalInfo.stdoutIsTerminal && TerminalInfo.stdinIsTerminal)
        let saveErrors = SaveErrors()
        let runner = BatchRunner(client: ModelClient(), config: config, limits: SuitePlan.limits(for: chosen, concurrency: concurrency))
        let interrupts = InterruptHandler()
        progress.start()
        let task = Task {
            await runner.run(pending) { job, answer in
                guard answer.finishReason != .cancelled else { return }  // interrupted: neither answer nor failure
                let record = RunAnswer(key: .init(suite: job.suite, promptID: job.promptID, repeatIndex: job.repeatIndex,
                                                  model: job.request.model.name),
                                       provider: job.request.model.provider, modelID: job.request.model.model,
                                       promptFingerprint: job.fingerprint, conversation: job.request.messages,
                                       answer: answer, createdAt: Date())
                // Off the cooperative pool: a team store reconnecting must not stall the other streams.
                do { try await store.offPool { store throws(StoreError) in try store.save(runAnswer: record) } } catch {
                    saveErrors.add("\(error)")
                }
                progress.record("\(job.promptID) × \(job.request.model.name)", answer: answer)
            }
        }
        interrupts.onInterrupt { task.cancel() }
        await task.value
        interrupts.onInterrupt(nil)
        progress.finish()
        try? await runner.client.shutdown()

        let counts = progress.snapshot
        if let first = saveErrors.first { throw CLIFailure("could not store answers: \(first)") }
        if task.isCancelled {
            throw CLIFailure("interrupted: \(counted(counts.done, "answer")) stored, \(pending.count - counts.done - counts.failed) not run; run it again to finish", exitCode: 130)
        }
        console.out(RunSummary.render(answers: (try? store.runAnswers(suite: promptSuite.name)) ?? [], models: chosen, style: style))
        if counts.failed > 0 {
            throw CLIFailure("\(counts.failed) of \(counted(pending.count, "request")) failed (recorded as failures); run it again to retry them")
        }
    }
}

/// Collects store failures from concurrent saves.
final class SaveErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
    var first: String? { lock.lock(); defer { lock.unlock() }; return messages.first }
}
