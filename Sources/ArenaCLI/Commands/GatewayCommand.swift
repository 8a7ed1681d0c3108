import ArenaCore
import ArenaGateway
import ArenaProviders
import ArenaStore
import ArgumentParser
import Foundation

/// `arena gateway` — an OpenAI-compatible server in front of your primary model that captures
/// real requests as a private suite, shadows candidates and routes by your verdicts.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Serve an OpenAI-compatible API that relays to a model, captures traffic as a suite, shadows and routes.",
        discussion: """
            Point an app's base URL at http://127.0.0.1:PORT/v1. Requests go to --primary (an \
            OpenAI-compatible one is relayed byte for byte; Anthropic, Gemini and Ollama ones are \
            translated to OpenAI chunks); the app sees its status codes and errors. The request's \
            own "model" is replaced by the serving model's id, and the response header \
            x-arena-model names it. --capture SUITE files requests (redacted: e-mail addresses, \
            phone numbers, key-like strings and the config's redact: patterns) as prompts of a \
            suite in $XDG_CONFIG_HOME/arena/prompts/SUITE.yaml, with the primary's answer stored; \
            an x-arena-tag header files them under SUITE/TAG. --shadow sends a share of captured \
            prompts to candidates in the background, for `arena judge SUITE`. --route serves each \
            request with the cheapest model that clears --bar on the suite (see `arena recommend`), \
            and the primary while that is undecided or when the chosen model fails before \
            answering. GET /arena/status returns the counters as JSON.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Port to listen on (0: any free one, printed at start).") var port = 4141
    @Option(help: "Address to bind; anything but loopback needs --token-env.") var host = "127.0.0.1"
    @Option(help: "The configured model that answers requests.") var primary: String
    @Option(help: ArgumentHelp("File requests as prompts of this traffic suite.", valueName: "suite")) var capture: String?
    @Option(help: "Share of requests considered for capture, 0–1.") var captureRate = 1.0
    @Option(help: "New prompts captured per day, at most.") var capturePerDay = 1000
    @Option(help: ArgumentHelp("Candidates that also answer captured prompts, in the background (comma-separated).",
                               valueName: "models")) var shadow: String?
    @Option(help: "Share of captured prompts sent to the candidates, 0–1.") var shadowRate = 0.2
    @Option(help: "Shadow requests in flight at once.") var shadowConcurrency = 2
    @Option(help: ArgumentHelp("Stop shadowing for the day past this spend (config prices).", valueName: "usd"))
    var budgetUsdPerDay: Double?
    @Option(help: ArgumentHelp("Serve each request with this suite's recommendation (needs --bar).", valueName: "suite"))
    var route: String?
    @Option(name: .customLong("bar"), help: ArgumentHelp("The bar for --route, as in `arena recommend`.", valueName: "spec"))
    var barSpecs: [String] = []
    @Option(help: "Seconds between re-decisions of the route.") var routeRefresh = 30.0
    @Option(help: ArgumentHelp("Environment variable holding the token clients must send.", valueName: "var")) var tokenEnv: String?
    @Flag(help: "Pass the client's own Authorization upstream when the model has no key configured.") var forwardClientKey = false
    @Option(help: "Seconds in-flight streams may run on after SIGTERM or Ctrl-C.") var drainSeconds = 10.0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard (0...1).contains(captureRate), (0...1).contains(shadowRate) else {
            throw ValidationError("--capture-rate and --shadow-rate are shares between 0 and 1")
        }
        guard capturePerDay >= 0, shadowConcurrency >= 1 else { throw ValidationError("--capture-per-day ≥ 0, --shadow-concurrency ≥ 1") }
        if shadow != nil, capture == nil { throw ValidationError("--shadow answers captured prompts: give --capture SUITE too") }
        if route != nil, barSpecs.isEmpty { throw ValidationError("--route needs a bar, e.g. --bar 'vs=\(primary),noninferior=0.05'") }
        for spec in barSpecs where AdequacyBar(parsing: spec) == nil {
            throw ValidationError("--bar \(spec): expected \(AdequacyBar.syntax)")
        }
        if let capture, capture.isEmpty || capture.contains("/") || capture.hasPrefix(".") {
            throw ValidationError("--capture \(capture): a suite name (letters, digits, . _ -); tags come from the x-arena-tag header")
        }
        if !GatewaySettings.isLoopback(host), tokenEnv == nil {
            throw ValidationError("--host \(host) is reachable from other machines: give --token-env VAR with a client token in VAR")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try await global.loadConfig(discover: false)
        let primaryModel: ModelConfig
        let shadowModels: [ModelConfig]
        do {
            primaryModel = try config.select([primary])[0]
            let names = (shadow ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            shadowModels = names.isEmpty ? [] : try config.select(names).filter { $0.name != primary }
        } catch { throw CLIFailure.badInput("\(error)") }
        var token: String?
        if let tokenEnv {
            guard let value = environment[tokenEnv]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw CLIFailure.badInput("--token-env \(tokenEnv): the variable is not set or empty")
            }
            token = value
        }
        let redactor: Redactor
        do { redactor = try Redactor(extra: config.redact) } catch { throw CLIFailure.badInput("\(config.source ?? "config"): \(error)") }
        let status = GatewayStatus(primary: primaryModel.name, redactor: redactor)
        let needsStore = capture != nil || route != nil
        let store = needsStore ? try global.openStore() : nil

        var trafficCapture: TrafficCapture?
        if let capture, let store {
            let path = SuiteLibrary.userPromptsDirectory(environment: environmentWithConfigHome()) + "/\(capture).yaml"
            do {
                trafficCapture = try TrafficCapture(settings: .init(suite: capture, path: path, rate: captureRate,
                                                                    dailyCap: capturePerDay, redactor: redactor),
                                                    primary: primaryModel, store: store, status: status)
            } catch let error as ConfigError {
                throw CLIFailure.badInput("\(error.description) (the traffic suite is appended to; fix or move the file)")
            }
        }
        let client = ModelClient()
        var pool: ShadowPool?
        if let trafficCapture, !shadowModels.isEmpty {
            if budgetUsdPerDay != nil {
                let unpriced = shadowModels.filter { $0.price == nil }.map(\.name)
                if !unpriced.isEmpty {
                    console.err("arena: warning: \(unpriced.joined(separator: ", ")) \(unpriced.count == 1 ? "has" : "have") no price in the config; "
                                + "--budget-usd-per-day cannot count \(unpriced.count == 1 ? "it" : "them")\n")
                }
            }
            pool = ShadowPool(settings: .init(models: shadowModels, rate: shadowRate, concurrency: shadowConcurrency,
                                              budgetUSDPerDay: budgetUsdPerDay),
                              client: client, config: config, capture: trafficCapture, status: status)
        }
        var routing: RecommendationRoute?
        if let route, let store {
            _ = try SuiteLoading.load(route, locations: global.locations)
            routing = RecommendationRoute(suite: route, bars: barSpecs.compactMap(AdequacyBar.init(parsing:)), models: config.models,
                                          primary: primaryModel.name, store: store, locations: global.locations,
                                          refreshSeconds: routeRefresh)
        }

        let settings = GatewaySettings(host: host, port: port, primary: primaryModel, clientToken: token,
                                       forwardClientKey: forwardClientKey, drainSeconds: drainSeconds)
        let server = GatewayServer(settings: settings, config: config, status: status, capture: trafficCapture,
                                   shadows: pool, route: routing, client: client, environment: environment)
        var describeRoutes: (@Sendable () async -> [String: String])?
        if let routing { describeRoutes = { await routing.describe() } }
        let line = GatewayStatusLine(status: status, interactive: TerminalInfo.stderrIsTerminal, routes: describeRoutes)
        let host = host, capture = capture
        do {
            try await server.run(signals: true) { bound in
                var notes = ["→ \(primaryModel.name)"]
                if let capture { notes.append("capturing into \(capture)") }
                if !shadowModels.isEmpty { notes.append("shadows \(shadowModels.map(\.name).joined(separator: ", "))") }
                if let route { notes.append("routing by \(route)") }
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("arena gateway listening on http://\(shown):\(bound)/v1 \(notes.joined(separator: ", "))\n".utf8))
                line.start()
            } onStopping: {
                line.stop()
                let running = status.snapshot.in_flight
                FileHandle.standardError.write(Data("arena gateway: stopping; \(running == 0 ? "nothing in flight" : "letting \(running) \(running == 1 ? "answer" : "answers") finish") (at most \(Int(settings.drainSeconds)) s)\n".utf8))
            }
        } catch {
            line.stop()
            throw CLIFailure("the gateway stopped: \(error)")
        }
        line.stop()
        // The last answers' capture and shadows run after their replies: let them land, within the drain time.
        let shadowPool = pool
        let settled = await Self.within(seconds: drainSeconds) {
            await status.wait { $0.capture_pending == 0 }
            await shadowPool?.drain()
        }
        if !settled {
            FileHandle.standardError.write(Data("arena gateway: gave up on captures or shadow answers still running after \(Int(drainSeconds)) s\n".utf8))
        }
        try? await client.shutdown()
        FileHandle.standardError.write(Data("arena gateway: \(line.summary())\n".utf8))
    }

    private var console: ConsoleWriter { ConsoleWriter() }

    /// Runs `work` for at most `seconds`; true when it finished (else it is left running: the
    /// process is about to exit).
    static func within(seconds: Double, _ work: @escaping @Sendable () async -> Void) async -> Bool {
        let (outcome, continuation) = AsyncStream<Bool>.makeStream()
        let worker = Task { await work(); continuation.yield(true) }
        let timer = Task { try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000))); continuation.yield(false) }
        var iterator = outcome.makeAsyncIterator()
        let finished = await iterator.next() ?? false
        timer.cancel()
        if !finished { worker.cancel() }
        return finished
    }

    private func environmentWithConfigHome() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil {
            environment["XDG_CONFIG_HOME"] = (global.locations.configDirectory as NSString).deletingLastPathComponent
        }
        return environment
    }
}
