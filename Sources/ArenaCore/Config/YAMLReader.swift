import Yams

/// Reads a YAML document as typed values while remembering where each came from, so every
/// error can name the file, the line and the field.
///
/// ```swift
/// let reader = YAMLReader(file: "config.yaml")
/// let root = try reader.parse(text)
/// let map = try reader.mapping(root, at: "", allowed: ["models", "timeouts"])
/// let name = try reader.string(map.required("name"), at: "models[0].name")
/// ```
///
/// Trap: YAML 1.1 scalars like `yes`, `off`, `1e3` are plain strings here until a typed accessor
/// interprets them; `string(_:)` accepts any scalar as written, so `model: 1.5` stays "1.5".
public struct YAMLReader: Sendable {
    public let file: String

    public init(file: String) { self.file = file }

    /// A mapping's entries in file order, plus lookups that report missing fields at the mapping's line.
    public struct Mapping {
        public let node: Node
        public let path: String
        public let entries: [(key: String, value: Node)]
        let reader: YAMLReader

        public func optional(_ key: String) -> Node? {
            entries.first(where: { $0.key == key })?.value
        }

        public func required(_ key: String) throws -> Node {
            guard let value = optional(key) else {
                throw reader.error(node, reader.join(path, key), "is required")
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty, scalar.style == .plain {
                throw reader.error(value, reader.join(path, key), "is required but empty")
            }
            return value
        }

        public func childPath(_ key: String) -> String { reader.join(path, key) }
    }

    public func parse(_ text: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: nil, field: "", message: "the file is empty")
            }
            return node
        } catch let error as YamlError {
            throw convert(error)
        }
    }

    public func mapping(_ node: Node, at path: String, allowed: Set<String>) throws -> Mapping {
        guard case .mapping(let map) = node else {
            throw error(node, path, "must be a mapping of `key: value` lines, found \(describe(node))")
        }
        var entries: [(String, Node)] = []
        var seen = Set<String>()
        for (keyNode, value) in map {
            let key = keyNode.scalar?.string ?? ""
            if !allowed.contains(key) {
                let suggestion = allowed.sorted().joined(separator: ", ")
                throw error(keyNode, join(path, key), "unknown key (expected one of: \(suggestion))")
            }
            if !seen.insert(key).inserted {
                throw error(keyNode, join(path, key), "appears twice")
            }
            entries.append((key, value))
        }
        return Mapping(node: node, path: path, entries: entries, reader: self)
    }

    public func sequence(_ node: Node, at path: String) throws -> [Node] {
        guard case .sequence(let seq) = node else {
            throw error(node, path, "must be a list, found \(describe(node))")
        }
        return Array(seq)
    }

    public func string(_ node: Node, at path: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, path, "must be a single value, found \(describe(node))")
        }
        return scalar.string
    }

    public func strings(_ node: Node, at path: String) throws -> [String] {
        try sequence(node, at: path).enumerated().map { index, item in
            try string(item, at: "\(path)[\(index)]")
        }
    }

    public func double(_ node: Node, at path: String) throws -> Double {
        let text = try string(node, at: path)
        guard let value = Double(text), value.isFinite else {
            throw error(node, path, "must be a number, found \"\(text)\"")
        }
        return value
    }

    public func int(_ node: Node, at path: String) throws -> Int {
        let text = try string(node, at: path)
        guard let value = Int(text) else {
            throw error(node, path, "must be a whole number, found \"\(text)\"")
        }
        return value
    }

    public func bool(_ node: Node, at path: String) throws -> Bool {
        switch try string(node, at: path).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(node, path, "must be true or false, found \"\(other)\"")
        }
    }

    /// A string→string mapping with free-form keys (headers, template variables).
    public func stringMap(_ node: Node, at path: String) throws -> [(String, String)] {
        guard case .mapping(let map) = node else {
            throw error(node, path, "must be a mapping, found \(describe(node))")
        }
        return try map.map { key, value in
            let name = key.scalar?.string ?? ""
            return (name, try string(value, at: join(path, name)))
        }
    }

    public func error(_ node: Node?, _ path: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line, field: path, message: message)
    }

    public func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func convert(_ error: YamlError) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, field: "", message: "YAML syntax error: \(problem)")
        case .reader(let problem, _, _, _):
            return ConfigError(file: file, line: nil, field: "", message: "cannot read YAML: \(problem)")
        default:
            return ConfigError(file: file, line: nil, field: "", message: "cannot read YAML: \(error)")
        }
    }
}
