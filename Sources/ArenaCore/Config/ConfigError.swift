/// A problem in a user-written YAML file, located precisely enough to fix without guessing.
///
/// Prints as one line: `config.yaml:7: models[1].base_url: not an http(s) URL: "htp:/x"`.
/// Messages never quote secret values.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted path of the field, e.g. `models[1].price.input`; empty for whole-file problems.
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
