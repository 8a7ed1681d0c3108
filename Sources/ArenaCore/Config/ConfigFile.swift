import Foundation

/// Loads the config file from disk, turning every failure into a one-line `ConfigError`.
public enum ConfigFile {
    public static func load(path: String) throws -> ArenaConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(file: path, line: nil, field: "",
                              message: "no config file here; create one with `arena config init`")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, field: "", message: "cannot read the file (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, field: "", message: "is not UTF-8 text")
        }
        return try ConfigParser(file: path).parse(text)
    }
}
