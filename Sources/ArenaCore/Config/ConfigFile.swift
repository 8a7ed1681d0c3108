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
        var parser = ConfigParser(file: path)
        let (config, literalKeys) = try parser.parseRecording(text)
        if let first = literalKeys.first, let mode = FilePrivacy.mode(of: path), !FilePrivacy.isPrivate(mode) {
            throw ConfigError(file: path, line: first.line, field: first.path,
                              message: "a key written in the config needs a private file (it is mode \(FilePrivacy.octal(mode))): run chmod 600 \(path), or better, put the key in an environment variable and name it in api_key_env")
        }
        return config
    }
}
