import Foundation
import Yams

/// Parses and validates the YAML config file. Every failure is one `ConfigError` naming file,
/// line and field; unknown keys are errors, never silently ignored.
///
/// ```swift
/// let config = try ConfigParser(file: path).parse(text)
/// ```
public struct ConfigParser: Sendable {
    public let file: String
    private let reader: YAMLReader

    public init(file: String) {
        self.file = file
        self.reader = YAMLReader(file: file)
    }

    static let topKeys: Set<String> = ["models", "timeouts", "max_answer_bytes", "rater", "redact"]
    static let modelKeys: Set<String> = ["name", "provider", "base_url", "model", "api_key_env",
                                         "params", "price", "tags", "headers", "timeouts",
                                         "max_concurrency", "requests_per_minute", "api_key_file", "api_key"]
    static let paramKeys: Set<String> = ["temperature", "top_p", "max_tokens", "seed", "stop"]
    static let priceKeys: Set<String> = ["input", "output", "cached_input"]
    static let timeoutKeys: Set<String> = ["connect", "first_token", "idle"]

    /// Where literal `api_key`s were found (checked against the file's mode by `ConfigFile`).
    private(set) var literalKeyLines: [(path: String, line: Int?)] = []

    public func parse(_ text: String) throws -> ArenaConfig {
        var copy = self
        return try copy.parseRecording(text).config
    }

    /// Parses, also returning where literal keys are (for the file-mode check).
    public mutating func parseRecording(_ text: String) throws -> (config: ArenaConfig, literalKeys: [(path: String, line: Int?)]) {
        literalKeyLines = []
        let config = try parseDocument(text)
        return (config, literalKeyLines)
    }

    private mutating func parseDocument(_ text: String) throws -> ArenaConfig {
        let root = try reader.parse(text)
        let top = try reader.mapping(root, at: "", allowed: Self.topKeys)
        let timeouts = try top.optional("timeouts").map { try parseTimeouts($0, at: "timeouts") } ?? Timeouts()
        var maxAnswerBytes = ArenaConfig.defaultMaxAnswerBytes
        if let node = top.optional("max_answer_bytes") {
            maxAnswerBytes = try reader.int(node, at: "max_answer_bytes")
            guard maxAnswerBytes >= 1024 else {
                throw reader.error(node, "max_answer_bytes", "must be at least 1024")
            }
        }
        let rater = try top.optional("rater").map { try reader.string($0, at: "rater") }
        let modelsNode = try top.required("models")
        let items = try reader.sequence(modelsNode, at: "models")
        guard !items.isEmpty else { throw reader.error(modelsNode, "models", "lists no models") }
        var models: [ModelConfig] = []
        var firstLine: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "models[\(index)]"
            let model = try parseModel(item, at: path)
            if let earlier = firstLine[model.name] {
                let nameNode = try? reader.mapping(item, at: path, allowed: Self.modelKeys).optional("name")
                throw reader.error(nameNode ?? item, "\(path).name",
                                   "duplicate name \"\(model.name)\" (first used on line \(earlier))")
            }
            firstLine[model.name] = item.mark?.line ?? 0
            models.append(model)
        }
        var config = ArenaConfig(models: models, timeouts: timeouts.over(.defaults),
                                 maxAnswerBytes: maxAnswerBytes, rater: rater, source: file)
        if let redactNode = top.optional("redact") {
            let items = try reader.sequence(redactNode, at: "redact")
            for (index, item) in items.enumerated() {
                let pattern = try reader.string(item, at: "redact[\(index)]")
                do { _ = try Redactor.Rule(pattern: pattern) } catch {
                    throw reader.error(item, "redact[\(index)]", "is not a valid regular expression: \(error.message)")
                }
                config.redact.append(pattern)
            }
        }
        return config
    }

    private mutating func parseModel(_ node: Node, at path: String) throws -> ModelConfig {
        let map = try reader.mapping(node, at: path, allowed: Self.modelKeys)
        let nameNode = try map.required("name")
        let name = try reader.string(nameNode, at: "\(path).name")
        guard name.rangeOfCharacter(from: CharacterSet(charactersIn: ",\n\t")) == nil,
              name.trimmingCharacters(in: .whitespaces) == name else {
            throw reader.error(nameNode, "\(path).name", "must not contain commas, tabs or surrounding spaces")
        }

        var provider = ProviderKind.openai
        if let providerNode = map.optional("provider") {
            let text = try reader.string(providerNode, at: "\(path).provider")
            guard let kind = ProviderKind(rawValue: text.lowercased()) else {
                let known = ProviderKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(providerNode, "\(path).provider", "unknown provider \"\(text)\" (known: \(known))")
            }
            provider = kind
        }

        let baseURL: URL
        if let urlNode = map.optional("base_url") {
            baseURL = try parseBaseURL(urlNode, at: "\(path).base_url")
        } else if let fallback = provider.defaultBaseURL, provider != .openai {
            baseURL = fallback
        } else {
            throw reader.error(node, "\(path).base_url",
                               "is required for provider openai (e.g. http://127.0.0.1:8080/v1 or https://api.openai.com/v1)")
        }

        let model = try reader.string(try map.required("model"), at: "\(path).model")

        var apiKeyEnv: String?
        if let keyNode = map.optional("api_key_env") {
            let variable = try reader.string(keyNode, at: "\(path).api_key_env")
            guard Self.isEnvironmentVariableName(variable) else {
                // Never echo the value: it may be a pasted key.
                throw reader.error(keyNode, "\(path).api_key_env",
                                   "must name an environment variable (like OPENAI_API_KEY), not hold the key itself")
            }
            apiKeyEnv = variable
        }

        let params = try map.optional("params").map { try Self.parseParams($0, at: "\(path).params", reader: reader) }
            ?? GenerationParams()
        let price = try map.optional("price").map { try parsePrice($0, at: "\(path).price") }
        let tags = try map.optional("tags").map { try reader.strings($0, at: "\(path).tags") } ?? []
        var headers: [String: String] = [:]
        if let headersNode = map.optional("headers") {
            for (key, value) in try reader.stringMap(headersNode, at: "\(path).headers") {
                if ["authorization", "x-api-key", "x-goog-api-key"].contains(key.lowercased()) {
                    throw reader.error(headersNode, "\(path).headers.\(key)",
                                       "put keys in an environment variable and name it in api_key_env")
                }
                headers[key] = value
            }
        }
        let timeouts = try map.optional("timeouts").map { try parseTimeouts($0, at: "\(path).timeouts") } ?? Timeouts()
        var maxConcurrency: Int?
        if let node = map.optional("max_concurrency") {
            let value = try reader.int(node, at: "\(path).max_concurrency")
            guard (1...64).contains(value) else { throw reader.error(node, "\(path).max_concurrency", "must be between 1 and 64") }
            maxConcurrency = value
        }
        var requestsPerMinute: Double?
        if let node = map.optional("requests_per_minute") {
            let value = try reader.double(node, at: "\(path).requests_per_minute")
            guard value > 0 else { throw reader.error(node, "\(path).requests_per_minute", "must be positive") }
            requestsPerMinute = value
        }
        var config = ModelConfig(name: name, provider: provider, baseURL: baseURL, model: model,
                                 apiKeyEnv: apiKeyEnv, params: params, price: price, tags: tags,
                                 headers: headers, timeouts: timeouts, maxConcurrency: maxConcurrency,
                                 requestsPerMinute: requestsPerMinute)
        if let node = map.optional("api_key_file") {
            config.apiKeyFile = try reader.string(node, at: "\(path).api_key_file")
        }
        if let node = map.optional("api_key") {
            config.apiKey = Secret(try reader.string(node, at: "\(path).api_key"))
            literalKeyLines.append((path: "\(path).api_key", line: node.mark?.line))
        }
        let sources = [config.apiKeyEnv != nil, config.apiKeyFile != nil, config.apiKey != nil].filter { $0 }.count
        if sources > 1 {
            throw reader.error(node, "\(path)", "give the key one way: api_key_env, api_key_file or api_key")
        }
        return config
    }

    private func parseBaseURL(_ node: Node, at path: String) throws -> URL {
        let text = try reader.string(node, at: path)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw reader.error(node, path, "not an http(s) URL: \"\(text)\"")
        }
        guard url.user == nil, url.password == nil else {
            throw reader.error(node, path, "must not contain credentials; use api_key_env")
        }
        return url
    }

    /// Parses a `params:` mapping (`temperature`, `top_p`, `max_tokens`, `seed`, `stop`) with the
    /// config file's checks and messages. Shared with `SuiteParser`, whose suites have `params:` too.
    static func parseParams(_ node: Node, at path: String, reader: YAMLReader) throws -> GenerationParams {
        let map = try reader.mapping(node, at: path, allowed: Self.paramKeys)
        var params = GenerationParams()
        if let value = map.optional("temperature") {
            let temperature = try reader.double(value, at: "\(path).temperature")
            guard (0...2).contains(temperature) else {
                throw reader.error(value, "\(path).temperature", "must be between 0 and 2")
            }
            params.temperature = temperature
        }
        if let value = map.optional("top_p") {
            let topP = try reader.double(value, at: "\(path).top_p")
            guard (0...1).contains(topP) else { throw reader.error(value, "\(path).top_p", "must be between 0 and 1") }
            params.topP = topP
        }
        if let value = map.optional("max_tokens") {
            let maxTokens = try reader.int(value, at: "\(path).max_tokens")
            guard maxTokens > 0 else { throw reader.error(value, "\(path).max_tokens", "must be positive") }
            params.maxTokens = maxTokens
        }
        if let value = map.optional("seed") { params.seed = try reader.int(value, at: "\(path).seed") }
        if let value = map.optional("stop") {
            if case .scalar = value {
                params.stop = [try reader.string(value, at: "\(path).stop")]
            } else {
                params.stop = try reader.strings(value, at: "\(path).stop")
            }
        }
        return params
    }

    private func parsePrice(_ node: Node, at path: String) throws -> Price {
        let map = try reader.mapping(node, at: path, allowed: Self.priceKeys)
        func amount(_ key: String) throws -> Double? {
            guard let value = map.optional(key) else { return nil }
            let number = try reader.double(value, at: "\(path).\(key)")
            guard number >= 0 else { throw reader.error(value, "\(path).\(key)", "must not be negative (USD per 1M tokens)") }
            return number
        }
        guard let input = try amount("input") else { throw reader.error(node, "\(path).input", "is required (USD per 1M input tokens)") }
        guard let output = try amount("output") else { throw reader.error(node, "\(path).output", "is required (USD per 1M output tokens)") }
        return Price(input: input, output: output, cachedInput: try amount("cached_input"))
    }

    private func parseTimeouts(_ node: Node, at path: String) throws -> Timeouts {
        let map = try reader.mapping(node, at: path, allowed: Self.timeoutKeys)
        func seconds(_ key: String) throws -> Double? {
            guard let value = map.optional(key) else { return nil }
            let number = try reader.double(value, at: "\(path).\(key)")
            guard number > 0 else { throw reader.error(value, "\(path).\(key)", "must be a positive number of seconds") }
            return number
        }
        return Timeouts(connect: try seconds("connect"), firstToken: try seconds("first_token"), idle: try seconds("idle"))
    }

    static func isEnvironmentVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.count <= 64 else { return false }
        let allowed = CharacterSet.uppercaseLetters.union(.lowercaseLetters).union(.decimalDigits)
            .union(CharacterSet(charactersIn: "_"))
        guard !CharacterSet.decimalDigits.contains(first),
              text.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else { return false }
        // A real key pasted here (sk-…, long random strings) fails the charset test above or looks like this:
        let looksLikeKey = text.count > 24 && !text.contains("_")
        return !looksLikeKey
    }
}
