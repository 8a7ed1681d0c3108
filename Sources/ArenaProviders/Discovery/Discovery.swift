import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore

/// Finds model servers without a config file: asks every candidate for its model list, all at
/// once, with short timeouts (local ports answer or refuse within milliseconds), and says what it found.
///
/// ```swift
/// let found = await Discovery.discover(DiscoveryCandidate.defaults(environment: env), environment: env)
/// let config = Discovery.config(from: found)
/// ```
public enum Discovery {
    public struct Found: Sendable, Equatable {
        public var candidate: DiscoveryCandidate
        /// Model ids the endpoint lists (chat models only, for hosted APIs).
        public var models: [String]
        /// Why the endpoint could not be listed, if it could not.
        public var failure: String?
        /// What kind of failure that was (a refused local port is the normal case, not news).
        public var failureKind: ProviderError.Kind?
    }

    /// At most this many models per endpoint go into a discovered config.
    public static let modelsPerEndpoint = 12

    public static func discover(_ candidates: [DiscoveryCandidate], environment: [String: String],
                                localTimeout: Double = 0.8, hostedTimeout: Double = 4) async -> [Found] {
        await withTaskGroup(of: (Int, Found).self) { group in
            for (index, candidate) in candidates.enumerated() {
                group.addTask {
                    let model = ModelConfig(name: candidate.namePrefix, provider: candidate.provider, baseURL: candidate.baseURL,
                                            model: "", apiKeyEnv: candidate.keyVariable)
                    let listing = await EndpointProbe.listModels(model, timeoutSeconds: candidate.isLocal ? localTimeout : hostedTimeout,
                                                                 environment: environment)
                    switch listing {
                    case .success(let ids):
                        return (index, Found(candidate: candidate, models: chatModels(ids, provider: candidate), failure: nil,
                                             failureKind: nil))
                    case .failure(let error):
                        return (index, Found(candidate: candidate, models: [], failure: error.description, failureKind: error.kind))
                    }
                }
            }
            var results: [(Int, Found)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// A config with every discovered model (capped per endpoint), named `prefix/model-id`.
    public static func config(from found: [Found]) -> ArenaConfig {
        var models: [ModelConfig] = []
        for endpoint in found where endpoint.failure == nil {
            for id in endpoint.models.prefix(modelsPerEndpoint) {
                let name = "\(endpoint.candidate.namePrefix)/\(id)".replacingOccurrences(of: ",", with: "_")
                guard !models.contains(where: { $0.name == name }) else { continue }
                models.append(ModelConfig(name: name, provider: endpoint.candidate.provider, baseURL: endpoint.candidate.baseURL,
                                          model: id, apiKeyEnv: endpoint.candidate.keyVariable,
                                          tags: [endpoint.candidate.isLocal ? "local" : "hosted", endpoint.candidate.namePrefix]))
            }
        }
        return ArenaConfig(models: models, source: "discovered")
    }

    /// The discovered config as a commented YAML file for `arena config init --from-discovered`.
    public static func yaml(from found: [Found]) -> String {
        var text = "# Written by `arena config init --from-discovered`. Edit freely; docs: README.md.\n"
        for endpoint in found {
            let state = endpoint.failure.map { "not found (\($0))" } ?? counted(endpoint.models.count, "model")
            text += "# \(endpoint.candidate.label) at \(endpoint.candidate.baseURL.absoluteString): \(state)\n"
        }
        text += "models:\n"
        for model in config(from: found).models {
            text += "  - name: \(quoted(model.name))\n    provider: \(model.provider.rawValue)\n"
            text += "    base_url: \(model.baseURL.absoluteString)\n    model: \(quoted(model.model))\n"
            if let variable = model.apiKeyEnv { text += "    api_key_env: \(variable)\n" }
            text += "    tags: [\(model.tags.joined(separator: ", "))]\n"
        }
        return text
    }

    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } && !(text.first?.isNumber ?? true)
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Hosted listings include embeddings, speech and image models: keep the chat ones.
    static func chatModels(_ ids: [String], provider candidate: DiscoveryCandidate) -> [String] {
        guard !candidate.isLocal else { return ids }
        let excluded = ["embed", "tts", "whisper", "dall-e", "audio", "realtime", "image", "transcribe", "moderation",
                        "search", "babbage", "davinci", "imagen", "veo", "aqa", "computer-use"]
        return ids.map { $0.hasPrefix("models/") ? String($0.dropFirst(7)) : $0 }
            .filter { id in !excluded.contains { id.lowercased().contains($0) } }
    }
}
