import Foundation

extension ArenaConfig {
    /// Things that work but deserve a word: plain `http://` to a host that is not this machine
    /// sends prompts (and any key) unencrypted.
    public var warnings: [String] {
        models.compactMap { model in
            guard model.baseURL.scheme?.lowercased() == "http", let host = model.baseURL.host?.lowercased(),
                  !Self.isLoopback(host) else { return nil }
            return "\(model.name): base_url uses plain http:// to \(host), not this machine — prompts"
                + (model.apiKeyEnv != nil || model.apiKeyFile != nil || model.apiKey != nil ? " and the API key" : "")
                + " travel unencrypted; use https:// if the server offers it"
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.") || host.hasSuffix(".localhost")
    }
}
