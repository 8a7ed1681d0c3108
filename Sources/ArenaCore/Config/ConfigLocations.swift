import Foundation

/// Where arena reads its config and keeps its store, following the XDG base directories.
///
/// Precedence: command-line option → environment variable (`ARENA_CONFIG`, `ARENA_STORE`) →
/// `$XDG_CONFIG_HOME/arena/config.yaml` / `$XDG_DATA_HOME/arena/arena.sqlite` →
/// `~/.config/arena/config.yaml` / `~/.local/share/arena/arena.sqlite`.
public struct ConfigLocations: Sendable, Equatable {
    public var configPath: String
    public var storePath: String
    /// `$XDG_CONFIG_HOME/arena` (user themes, suites).
    public var configDirectory: String

    public init(configOption: String?, storeOption: String?, environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
        configDirectory = "\(configHome)/arena"
        configPath = Self.expand(configOption ?? environment["ARENA_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(configDirectory)/config.yaml", home: home)
        storePath = Self.expand(storeOption ?? environment["ARENA_STORE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(dataHome)/arena/arena.sqlite", home: home)
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }
}
