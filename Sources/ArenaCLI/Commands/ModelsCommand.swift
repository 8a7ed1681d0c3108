import ArenaCore
import ArenaProviders
import ArgumentParser
import Foundation

/// `arena models` — the configured models, one line each; `--probe` checks each endpoint.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List the configured models; --probe checks that each endpoint answers.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Ask every endpoint for its model list (concurrently, 5 s timeout; spends no tokens).")
    var probe = false

    func run() async throws {
        let config = try await global.loadConfig()
        let console = ConsoleWriter()
        let style = Style(enabled: TerminalInfo.useColor)
        var results: [String: EndpointProbe.Result] = [:]
        if probe {
            results = await withTaskGroup(of: (String, EndpointProbe.Result).self) { group in
                for model in config.models { group.addTask { (model.name, await EndpointProbe.probe(model)) } }
                var collected: [String: EndpointProbe.Result] = [:]
                for await (name, result) in group { collected[name] = result }
                return collected
            }
        }
        let nameWidth = config.models.map(\.name.count).max() ?? 0
        let idWidth = config.models.map { "\($0.provider.rawValue):\($0.model)".count }.max() ?? 0
        var failures = 0
        for model in config.models {
            let id = "\(model.provider.rawValue):\(model.model)"
            var line = model.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + model.baseURL.absoluteString
            if let price = model.price { line += style.dim(String(format: "  $%g/$%g per 1M", price.input, price.output)) }
            if !model.tags.isEmpty { line += style.dim("  [" + model.tags.joined(separator: ", ") + "]") }
            switch results[model.name] {
            case .reachable(let listed, let ms)?:
                let note = listed == false ? style.yellow(" (model id not in the endpoint's list)") : ""
                line += "  " + style.green(String(format: "ok %.0f ms", ms)) + note
            case .failed(let error)?:
                failures += 1
                line += "  " + style.red("✗ \(error.description)")
            case nil:
                break
            }
            console.out(line + "\n")
        }
        if failures > 0 {
            throw CLIFailure("\(failures) of \(config.models.count) endpoints did not answer")
        }
    }
}
