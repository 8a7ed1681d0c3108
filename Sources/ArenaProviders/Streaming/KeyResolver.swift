import ArenaCore
import Foundation

/// Finds the API key for a model, in this order: a key written in the (private) config, a
/// private key file, the environment variable the config names, or — for a vendor's own hosted
/// API — its conventional variable. Keys are never logged, stored or shown.
public enum KeyResolver {
    /// Where the key comes from, in words for error messages ("OPENAI_API_KEY", "the key file ~/k").
    public static func variable(for model: ModelConfig) -> String? {
        if model.apiKey != nil { return "the api_key in the config" }
        if let file = model.apiKeyFile { return "the key file \(file)" }
        if let named = model.apiKeyEnv { return named }
        guard let conventional = model.provider.conventionalKeyVariable,
              let host = model.baseURL.host, host == model.provider.defaultBaseURL?.host else { return nil }
        return conventional
    }

    public static func key(variable: String?, model: ModelConfig, environment: [String: String]) throws(ProviderError) -> String? {
        if let secret = model.apiKey { return secret.reveal() }
        if let file = model.apiKeyFile { return try readKeyFile(file, model: model, environment: environment) }
        guard let variable else { return nil }
        guard let value = environment[variable], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ProviderError(.configuration, "the API key variable \(variable) is not set (model \(model.name))")
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func readKeyFile(_ file: String, model: ModelConfig, environment: [String: String]) throws(ProviderError) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = file == "~" ? home : file.hasPrefix("~/") ? home + file.dropFirst() : file
        guard let mode = FilePrivacy.mode(of: path) else {
            throw ProviderError(.configuration, "the key file \(file) of model \(model.name) does not exist")
        }
        guard FilePrivacy.isPrivate(mode) else {
            throw ProviderError(.configuration, "the key file \(file) is readable by others (mode \(FilePrivacy.octal(mode))): run chmod 600 \(file)")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let key = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
            throw ProviderError(.configuration, "the key file \(file) of model \(model.name) is empty or unreadable")
        }
        return key
    }
}
