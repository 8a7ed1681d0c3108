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
        let timeout = EndpointProbe.timeoutOverride(environment: environment)
        let found = await Discovery.discover(DiscoveryCandidate.defaults(environment: environment), environment: environment,
                                             localTimeout: timeout ?? 0.8, hostedTimeout: timeout ?? 4)
        let config = Discovery.config(from: found)
        let usable = found.filter { $0.failure == nil && !$0.models.isEmpty }
        let leftOut = Discovery.report(found.filter { !usable.contains($0) })
        for line in leftOut { FileHandle.standardError.write(Data("arena: discovery: \(line)\n".utf8)) }
        guard !config.models.isEmpty else {
            let keys = DiscoveryCandidate.hostedKeyVariables
            let hosted = found.contains { !$0.candidate.isLocal }
                ? "no hosted API could be used (see above)"
                : "no API key variable is set (\(keys.joined(separator: ", ")))"
            throw CLIFailure.badInput("no config file at \(path), no local model server answered "
                                      + "(\(Discovery.localSummary(found))) and \(hosted); "
                                      + "create a config with `arena config init`")
        }
        let summary = usable.map { "\($0.candidate.label) (\(counted($0.models.count, "model")))" }
        FileHandle.standardError.write(Data("arena: no config file; using what was found: \(summary.joined(separator: ", ")) — `arena config init --from-discovered` saves it\n".utf8))
        return config
    }

    /// The store, created (private) if it does not exist yet: for commands that record.
    func openStore() throws -> BattleStore {
        do { return try BattleStore(location: locations.storePath) } catch {
            throw CLIFailure(error.description)
        }
    }

    /// The store for a command that only reads it: a SQLite path that does not exist is a failure
    /// that says so, and nothing is created (no file, no directory). PostgreSQL URLs open as usual.
    func openExistingStore() throws -> BattleStore {
        let location = locations.storePath
        if !BattleStore.isPostgres(location), !FileManager.default.fileExists(atPath: location) {
            throw CLIFailure("no store at \(location) (nothing has been recorded yet: vote in `arena` or `arena ask`, "
                             + "`arena import` a file, or name another store with --store)")
        }
        return try openStore()
    }
}
