import ArenaCore
import ArenaProviders
import ArgumentParser
import Foundation

/// `arena models` — the configured models, one line each; `--probe` checks each endpoint.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List the configured models; --probe checks that each endpoint answers.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Ask every endpoint for its model list (concurrently, 5 s timeout or ARENA_PROBE_TIMEOUT; spends no tokens).")
    var probe = false

    func run() async throws {
        let config = try await global.loadConfig()
        let console = ConsoleWriter()
        let style = Style(enabled: TerminalInfo.useColor)
        var results: [String: EndpointProbe.Result] = [:]
        if probe {
            results = await withTaskGroup(of: (String, EndpointProbe.Result).self) { group in
                let timeout = EndpointProbe.timeoutOverride(environment: ProcessInfo.processInfo.environment) ?? 5
                for model in config.models { group.addTask { (model.name, await EndpointProbe.probe(model, timeoutSeconds: timeout)) } }
                var collected: [String: EndpointProbe.Result] = [:]
                for await (name, result) in group { collected[name] = result }
                return collected
            }
        }
        let anyPrice = config.models.contains { $0.price != nil }
        let anyTags = config.models.contains { !$0.tags.isEmpty }
        var failures = 0
        var rows: [[String]] = []
        for model in config.models {
            // Every row has every column (a dash where a value is missing), so columns line up.
            var row = [model.name, "\(model.provider.rawValue):\(model.model)", model.baseURL.absoluteString]
            if anyPrice {
                row.append(model.price.map { style.dim(String(format: "$%g/$%g per 1M", $0.input, $0.output)) } ?? style.dim("–"))
            }
            if anyTags { row.append(model.tags.isEmpty ? "" : style.dim("[" + model.tags.joined(separator: ", ") + "]")) }
            switch results[model.name] {
            case .reachable(let listed, let ms)?:
                let note = listed == false ? style.yellow(" (model id not in the endpoint's list)") : ""
                row.append(style.green(String(format: "ok %.0f ms", ms)) + note)
            case .failed(let error, let probed)?:
                failures += 1
                row.append(style.red("✗ \(error.description)") + style.dim(" — probed " + probed.joined(separator: ", then ")))
            case nil:
                break
            }
            rows.append(row)
        }
        let table = TextTable(header: [], rows: rows, numeric: []).lines().dropFirst()  // no header row: one line per model
        if !table.isEmpty { console.out(table.joined(separator: "\n") + "\n") }
        if failures > 0 {
            throw CLIFailure("\(failures) of \(counted(config.models.count, "endpoint")) did not answer")
        }
    }
}
