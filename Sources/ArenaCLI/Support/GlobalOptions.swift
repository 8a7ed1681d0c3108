import ArenaCore
import ArenaStore
import ArgumentParser
import Foundation

/// Options every command takes: where the config and the store are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (env ARENA_CONFIG; default $XDG_CONFIG_HOME/arena/config.yaml).",
                                           valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("SQLite store (env ARENA_STORE; default $XDG_DATA_HOME/arena/arena.sqlite).",
                                           valueName: "path"))
    var store: String?

    var locations: ConfigLocations {
        ConfigLocations(configOption: config, storeOption: store, environment: ProcessInfo.processInfo.environment)
    }

    func loadConfig() throws -> ArenaConfig {
        do { return try ConfigFile.load(path: locations.configPath) } catch let error as ConfigError {
            throw CLIFailure.badInput(error.description)
        }
    }

    func openStore() throws -> BattleStore {
        do { return try BattleStore(path: locations.storePath) } catch {
            throw CLIFailure(error.description)
        }
    }
}
