import ArenaCore
import Foundation

/// One request of a batch run: a prompt of a suite, one repeat, one model.
public struct BatchJob: Sendable, Equatable {
    public var suite: String
    public var promptID: String
    public var repeatIndex: Int
    public var request: ChatRequest

    public init(suite: String, promptID: String, repeatIndex: Int, request: ChatRequest) {
        self.suite = suite
        self.promptID = promptID
        self.repeatIndex = repeatIndex
        self.request = request
    }

    /// Identifies exactly what is sent (model id, conversation, parameters): when a suite or a
    /// model's parameters change, stored answers no longer match and are redone.
    public var fingerprint: String {
        struct Canonical: Encodable {
            var model: String
            var provider: String
            var messages: [ChatMessage]
            var params: GenerationParams
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let canonical = Canonical(model: request.model.model, provider: request.model.provider.rawValue,
                                  messages: request.messages, params: request.model.params)
        let text = (try? encoder.encode(canonical)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return StableID.uuid(from: text).uuidString.lowercased()
    }
}

/// How a batch run paces itself.
public struct BatchLimits: Sendable, Equatable {
    /// Requests in flight at once, over all models.
    public var concurrency: Int
    /// Requests in flight at once per model endpoint (base URL); one process of llama.cpp
    /// serves one request at a time, hosted APIs take more.
    public var perEndpoint: [String: Int]
    /// Requests per minute per endpoint, where the config sets one.
    public var requestsPerMinute: [String: Double]
    public var defaultPerEndpoint: Int

    public init(concurrency: Int = 4, perEndpoint: [String: Int] = [:], requestsPerMinute: [String: Double] = [:],
                defaultPerEndpoint: Int = 4) {
        self.concurrency = max(concurrency, 1)
        self.perEndpoint = perEndpoint
        self.requestsPerMinute = requestsPerMinute
        self.defaultPerEndpoint = max(defaultPerEndpoint, 1)
    }

    static func endpoint(of model: ModelConfig) -> String { model.baseURL.absoluteString }
}
