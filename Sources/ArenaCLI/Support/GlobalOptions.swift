import ArenaCore
import ArenaProviders
import ArenaStore
import ArgumentParser
import Foundation

/// Options every command takes: where the config and the store are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (env ARENA_CONFIG; default $XDG_CONFIG_HOME/arena/config.yaml).",
                                           valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The store: a SQLite file, or a team's postgres://user@host:5432/db "
                                           + "(env ARENA_STORE; default $XDG_DATA_HOME/arena/arena.sqlite).",
                                           valueName: "path|url"))
    var store: String?

    var locations: ConfigLocations {
        ConfigLocations(configOption: config, storeOption: store, environment: ProcessInfo.processInfo.environment)
    }

    /// The config file; with none at the default place (and none named), what discovery finds.
    func loadConfig(discover: Bool = true) async throws -> ArenaConfig {
        let environment = ProcessInfo.processInfo.environment
        let named = config != nil || !(environment["ARENA_CONFIG"] ?? "").isEmpty
        let path = locations.configPath
        if discover, !named, !FileManager.default.fileExists(atPath: path), environment["ARENA_DISCOVERY"] != "off" {
            return try await discoveredConfig(environment: environment, path: path)
        }
        do {
            let config = try ConfigFile.load(path: path)
            for warning in config.warnings { FileHandle.standardError.write(Data("arena: warning: \(warning)\n".utf8)) }
            return config
        } catch let error as ConfigError {
            throw CLIFailure.badInput(error.description)
        }
    }

    private func discoveredConfig(environment: [String: String], path: String) async throws -> ArenaConfig {
        let found = await Discovery.discover(DiscoveryCandidate.defaults(environment: environment), environment: environment)
        let config = Discovery.config(from: found)
        let summary = found.filter { $0.failure == nil }.map { "\($0.candidate.label) (\($0.models.count) models)" }
        guard !config.models.isEmpty else {
            throw CLIFailure.badInput("no config file at \(path), and no local model server (Ollama, llama.cpp, vLLM, LM Studio) "
                                      + "or API key variable was found; create a config with `arena config init`")
        }
        FileHandle.standardError.write(Data("arena: no config file; using what was found: \(summary.joined(separator: ", ")) — `arena config init --from-discovered` saves it\n".utf8))
        return config
    }

    func openStore() throws -> BattleStore {
        do { return try BattleStore(location: locations.storePath) } catch {
            throw CLIFailure(error.description)
        }
    }
}
