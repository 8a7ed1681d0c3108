import Foundation

/// One model endpoint the user wants in battles, as written in the config file.
///
/// ```yaml
/// - name: smol                      # unique; shown only after the vote
///   provider: openai
///   base_url: http://127.0.0.1:8080/v1
///   model: smollm2-135m
///   api_key_env: OPENAI_API_KEY
///   params: { temperature: 0.7, max_tokens: 512 }
///   price: { input: 0.15, output: 0.60 }
///   tags: [local, small]
/// ```
public struct ModelConfig: Sendable, Equatable, Codable {
    /// Unique display name, revealed after the vote.
    public var name: String
    public var provider: ProviderKind
    public var baseURL: URL
    /// The endpoint's own model id.
    public var model: String
    /// Name of the environment variable holding the API key. The key itself is never stored.
    public var apiKeyEnv: String?
    /// A file holding the key (must be private: mode 0600 or stricter).
    public var apiKeyFile: String?
    /// A key written in the config itself (accepted only when the config file is private).
    public var apiKey: Secret?
    public var params: GenerationParams
    public var price: Price?
    public var tags: [String]
    /// Extra HTTP headers (e.g. OpenRouter's `HTTP-Referer`). Not for secrets.
    public var headers: [String: String]
    /// Per-model timeout overrides; unset fields fall back to the file's `timeouts`.
    public var timeouts: Timeouts
    /// Batch runs: at most this many requests in flight to this model's endpoint.
    public var maxConcurrency: Int?
    /// Batch runs: at most this many requests per minute to this model's endpoint.
    public var requestsPerMinute: Double?

    public init(name: String, provider: ProviderKind = .openai, baseURL: URL, model: String,
                apiKeyEnv: String? = nil, params: GenerationParams = GenerationParams(),
                price: Price? = nil, tags: [String] = [], headers: [String: String] = [:],
                timeouts: Timeouts = Timeouts(), maxConcurrency: Int? = nil, requestsPerMinute: Double? = nil) {
        self.name = name
        self.provider = provider
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.params = params
        self.price = price
        self.tags = tags
        self.headers = headers
        self.timeouts = timeouts
        self.maxConcurrency = maxConcurrency
        self.requestsPerMinute = requestsPerMinute
    }
}

/// Sampling parameters sent with every request to a model.
public struct GenerationParams: Sendable, Equatable, Codable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var stop: [String]?

    /// These parameters with every one that `override` sets taking its place (a suite's over a
    /// model's, a prompt's or a captured request's over both).
    public func overridden(by override: GenerationParams) -> GenerationParams {
        GenerationParams(temperature: override.temperature ?? temperature, topP: override.topP ?? topP,
                         maxTokens: override.maxTokens ?? maxTokens, seed: override.seed ?? seed, stop: override.stop ?? stop)
    }

    public init(temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil,
                seed: Int? = nil, stop: [String]? = nil) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
    }
}

/// Prices in USD per one million tokens.
public struct Price: Sendable, Equatable, Codable {
    public var input: Double
    public var output: Double
    /// Price of input tokens read from a prompt cache; defaults to `input`.
    public var cachedInput: Double?

    public init(input: Double, output: Double, cachedInput: Double? = nil) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
    }
}

/// How long to wait, in seconds. Unset fields take the defaults.
public struct Timeouts: Sendable, Equatable, Codable {
    /// Establishing the TCP/TLS connection.
    public var connect: Double?
    /// From sending the request to the first answer byte (includes queueing and prompt processing).
    public var firstToken: Double?
    /// Longest silence between two chunks once the answer is streaming.
    public var idle: Double?

    public static let defaults = Timeouts(connect: 10, firstToken: 120, idle: 60)

    public init(connect: Double? = nil, firstToken: Double? = nil, idle: Double? = nil) {
        self.connect = connect
        self.firstToken = firstToken
        self.idle = idle
    }

    /// These values where set, else `fallback`'s.
    public func over(_ fallback: Timeouts) -> Timeouts {
        Timeouts(connect: connect ?? fallback.connect, firstToken: firstToken ?? fallback.firstToken,
                 idle: idle ?? fallback.idle)
    }
}
