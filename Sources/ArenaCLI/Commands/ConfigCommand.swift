import ArenaCore
import ArenaProviders
import ArgumentParser
import Foundation

/// `arena config init | check | path`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Create, check or locate the config file.",
        subcommands: [Init.self, Check.self, Path.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a commented example config file.")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .long, help: "Overwrite an existing file.") var force = false
        @Flag(name: .customLong("from-discovered"),
              help: "Write the models found on local servers and through API key variables instead of the example.")
        var fromDiscovered = false

        func run() async throws {
            let path = global.locations.configPath
            let manager = FileManager.default
            if manager.fileExists(atPath: path), !force {
                throw CLIFailure.badInput("\(path) already exists; use --force to overwrite it")
            }
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIFailure("cannot create \(directory): \(error.localizedDescription)")
            }
            var text = ConfigTemplate.text
            if fromDiscovered {
                let environment = ProcessInfo.processInfo.environment
                let found = await Discovery.discover(DiscoveryCandidate.defaults(environment: environment), environment: environment)
                guard !Discovery.config(from: found).models.isEmpty else {
                    throw CLIFailure("no local model server or API key variable found; nothing to write")
                }
                text = Discovery.yaml(from: found)
            }
            guard manager.createFile(atPath: path, contents: Data(text.utf8),
                                     attributes: [.posixPermissions: 0o600]) else {
                throw CLIFailure("cannot write \(path)")
            }
            print("wrote \(path) — edit it, then run `arena config check`")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate the config file; errors name file, line and field.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let config = try await global.loadConfig(discover: false)
            let names = config.models.map(\.name).joined(separator: ", ")
            print("\(global.locations.configPath): ok — \(counted(config.models.count, "model")): \(names)")
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where the config file is (and the store, with --store-path).")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("store-path"), help: "Print the store's path instead.") var storePath = false

        func run() throws {
            print(storePath ? global.locations.storePath : global.locations.configPath)
        }
    }
}
