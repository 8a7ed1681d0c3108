import ArenaCore
import Foundation

/// Finds the API key for a model: only ever from the environment variable the config names,
/// or the vendor's conventional variable for its own hosted API. Never logged, never stored.
enum KeyResolver {
    /// The variable the key is read from, if any.
    static func variable(for model: ModelConfig) -> String? {
        if let named = model.apiKeyEnv { return named }
        guard let conventional = model.provider.conventionalKeyVariable,
              let host = model.baseURL.host, host == model.provider.defaultBaseURL?.host else { return nil }
        return conventional
    }

    static func key(variable: String?, model: ModelConfig, environment: [String: String]) throws(ProviderError) -> String? {
        guard let variable else { return nil }
        guard let value = environment[variable], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ProviderError(.configuration, "the API key variable \(variable) is not set (model \(model.name))")
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
