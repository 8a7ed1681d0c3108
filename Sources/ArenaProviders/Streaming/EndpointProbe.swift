import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore

/// Checks that a model's endpoint answers, cheaply: it lists the endpoint's models (no tokens
/// spent) and says whether the configured model id is among them.
public enum EndpointProbe {
    public enum Result: Sendable, Equatable {
        /// The endpoint answered; `listed` tells whether the model id appears in its listing.
        case reachable(listed: Bool?, milliseconds: Double)
        case failed(ProviderError)
    }

    public static func probe(_ model: ModelConfig, timeoutSeconds: Double = 5,
                             environment: [String: String] = ProcessInfo.processInfo.environment) async -> Result {
        let started = ContinuousClock.now
        switch await listModels(model, timeoutSeconds: timeoutSeconds, environment: environment) {
        case .success(let ids):
            let elapsed = ContinuousClock.now - started
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let listed = ids.isEmpty ? nil : ids.contains { $0 == model.model || $0 == "models/\(model.model)" || $0.hasPrefix("\(model.model):") }
            return .reachable(listed: listed, milliseconds: ms)
        case .failure(let error):
            return .failed(error)
        }
    }

    /// The model ids an endpoint lists (`/models`, `/v1/models` or `/api/tags`).
    public static func listModels(_ model: ModelConfig, timeoutSeconds: Double,
                                  environment: [String: String]) async -> Swift.Result<[String], ProviderError> {
        let keyVariable = KeyResolver.variable(for: model)
        let key: String?
        do { key = try KeyResolver.key(variable: keyVariable, model: model, environment: environment) } catch {
            return .failure(error)
        }
        var request: HTTPClientRequest
        switch model.provider {
        case .openai:
            request = HTTPClientRequest(url: model.baseURL.appendingEndpoint("/models").absoluteString)
            if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        case .anthropic:
            request = HTTPClientRequest(url: model.baseURL.appendingEndpoint("/v1/models?limit=1000").absoluteString)
            if let key { request.headers.add(name: "x-api-key", value: key) }
            request.headers.add(name: "anthropic-version", value: AnthropicMessagesFormat.apiVersion)
        case .gemini:
            request = HTTPClientRequest(url: model.baseURL.appendingEndpoint("/models?pageSize=1000").absoluteString)
            if let key { request.headers.add(name: "x-goog-api-key", value: key) }
        case .ollama:
            request = HTTPClientRequest(url: model.baseURL.appendingEndpoint("/api/tags").absoluteString)
        }
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .milliseconds(Int64(timeoutSeconds * 1000)))
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result = await fetch(request, client: client, model: model, keyVariable: keyVariable, timeoutSeconds: timeoutSeconds)
        try? await client.shutdown()
        return result
    }

    private static func fetch(_ request: HTTPClientRequest, client: HTTPClient, model: ModelConfig, keyVariable: String?,
                              timeoutSeconds: Double) async -> Swift.Result<[String], ProviderError> {
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            let body = try await response.body.collect(upTo: 8 << 20)
            let bytes = Array(body.readableBytesView)
            let status = Int(response.status.code)
            guard (200..<300).contains(status) else {
                let headers = response.headers.map { ($0.name, $0.value) }
                return .failure(model.provider.wireFormat.error(status: status, headers: headers, body: bytes, keyVariable: keyVariable))
            }
            guard let ids = ModelListing.ids(bytes) else {
                return .failure(ProviderError(.malformedChunk, "the model list is not JSON this provider sends", status: status))
            }
            return .success(ids)
        } catch {
            return .failure(TransportErrorMapper.map(error, url: model.baseURL))
        }
    }
}

/// Reads the model ids out of any provider's model listing.
enum ModelListing {
    private struct Listing: Decodable {
        struct Entry: Decodable { var id: String?; var name: String?; var model: String? }
        var data: [Entry]?
        var models: [Entry]?
    }

    static func ids(_ body: [UInt8]) -> [String]? {
        guard let listing = try? JSONDecoder().decode(Listing.self, from: Data(body)) else { return nil }
        let entries = (listing.data ?? []) + (listing.models ?? [])
        return entries.compactMap { $0.id ?? $0.name ?? $0.model }
    }
}
