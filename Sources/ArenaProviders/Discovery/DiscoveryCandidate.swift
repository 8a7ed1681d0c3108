import ArenaCore
import Foundation

/// A place a model server might be: a local default port, or a hosted API whose key is set.
public struct DiscoveryCandidate: Sendable, Equatable {
    /// What a person calls it: "Ollama", "llama.cpp", "vLLM", "LM Studio", "OpenAI", …
    public var label: String
    /// Short prefix for generated model names: `ollama/llama3.2`.
    public var namePrefix: String
    public var provider: ProviderKind
    public var baseURL: URL
    /// The variable holding the key, for hosted APIs.
    public var keyVariable: String?
    public var isLocal: Bool

    public init(label: String, namePrefix: String, provider: ProviderKind, baseURL: URL, keyVariable: String? = nil, isLocal: Bool) {
        self.label = label
        self.namePrefix = namePrefix
        self.provider = provider
        self.baseURL = baseURL
        self.keyVariable = keyVariable
        self.isLocal = isLocal
    }

    /// Where arena looks when there is no config file: local servers on their default ports
    /// (`OLLAMA_HOST` honoured) and hosted APIs whose key variable is set.
    ///
    /// `ARENA_DISCOVERY_<PREFIX>_URL` (e.g. `ARENA_DISCOVERY_OPENAI_URL`, `…_LLAMACPP_URL`) replaces
    /// a candidate's base URL: for a proxy, and so tests can point every candidate at 127.0.0.1.
    public static func defaults(environment: [String: String]) -> [DiscoveryCandidate] {
        let local: [(String, String, ProviderKind, URL)] = [
            ("Ollama", "ollama", .ollama, ollamaURL(environment["OLLAMA_HOST"])),
            ("llama.cpp", "llamacpp", .openai, URL(string: "http://127.0.0.1:8080/v1")!),
            ("vLLM", "vllm", .openai, URL(string: "http://127.0.0.1:8000/v1")!),
            ("LM Studio", "lmstudio", .openai, URL(string: "http://127.0.0.1:1234/v1")!),
        ]
        var candidates = local.map { label, prefix, provider, url in
            DiscoveryCandidate(label: label, namePrefix: prefix, provider: provider,
                               baseURL: overridden(url, prefix: prefix, environment: environment), isLocal: true)
        }
        for (label, prefix, provider, url, variable) in hosted
        where !(environment[variable] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            candidates.append(DiscoveryCandidate(label: label, namePrefix: prefix, provider: provider,
                                                 baseURL: overridden(URL(string: url)!, prefix: prefix, environment: environment),
                                                 keyVariable: variable, isLocal: false))
        }
        return candidates
    }

    private static let hosted: [(label: String, prefix: String, provider: ProviderKind, url: String, variable: String)] = [
        ("OpenAI", "openai", .openai, "https://api.openai.com/v1", "OPENAI_API_KEY"),
        ("Anthropic", "anthropic", .anthropic, "https://api.anthropic.com", "ANTHROPIC_API_KEY"),
        ("Gemini", "gemini", .gemini, "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
        ("OpenRouter", "openrouter", .openai, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
    ]

    /// The variables whose key makes discovery try a hosted API.
    public static var hostedKeyVariables: [String] { hosted.map(\.variable) }

    /// `ARENA_DISCOVERY_<PREFIX>_URL` when set to a URL, else `url`.
    static func overridden(_ url: URL, prefix: String, environment: [String: String]) -> URL {
        guard let text = environment["ARENA_DISCOVERY_\(prefix.uppercased())_URL"]?.trimmingCharacters(in: .whitespaces),
              !text.isEmpty, let replaced = URL(string: text), replaced.host != nil else { return url }
        return replaced
    }

    /// `OLLAMA_HOST` may be `host`, `host:port` or a URL.
    static func ollamaURL(_ host: String?) -> URL {
        guard var text = host?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return URL(string: "http://127.0.0.1:11434")!
        }
        if !text.contains("://") { text = "http://" + text }
        guard var components = URLComponents(string: text), components.host != nil else {
            return URL(string: "http://127.0.0.1:11434")!
        }
        if components.port == nil { components.port = 11434 }
        if components.host == "0.0.0.0" { components.host = "127.0.0.1" }
        return components.url ?? URL(string: "http://127.0.0.1:11434")!
    }
}
