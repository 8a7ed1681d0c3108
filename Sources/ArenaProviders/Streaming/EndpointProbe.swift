import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore

/// Checks that a model's endpoint answers, cheaply: it lists the endpoint's models (no tokens
/// spent) and says whether the configured model id is among them. An endpoint that does not serve
/// a model list (404/405 — a proxy or a server that only speaks the chat route) is asked on the
/// chat route itself, with an empty conversation it refuses or answers without generating.
///
/// ```swift
/// switch await EndpointProbe.probe(model) {
/// case .reachable(let listed, let ms): …
/// case .failed(let error, let urls): print("✗ \(error) — probed \(urls.joined(separator: ", "))")
/// }
/// ```
public enum EndpointProbe {
    public enum Result: Sendable, Equatable {
        /// The endpoint answered; `listed` tells whether the model id appears in its listing (nil
        /// when it lists nothing, or was reached on its chat route).
        case reachable(listed: Bool?, milliseconds: Double)
        /// It did not: why, and every URL that was tried (`GET …/models`, `POST …`), for the message.
        case failed(ProviderError, probed: [String])
    }

    /// Seconds each probe request may take: `ARENA_PROBE_TIMEOUT` when set to a positive number
    /// (a slow link, or a loaded test machine), else nil for the caller's default.
    public static func timeoutOverride(environment: [String: String]) -> Double? {
        guard let text = environment["ARENA_PROBE_TIMEOUT"], let seconds = Double(text), seconds > 0 else { return nil }
        return seconds
    }

    public static func probe(_ model: ModelConfig, timeoutSeconds: Double = 5,
                             environment: [String: String] = ProcessInfo.processInfo.environment) async -> Result {
        let started = ContinuousClock.now
        func elapsed() -> Double {
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
        let listingURL = "GET " + listingRequest(model, key: nil).url
        switch await listModels(model, timeoutSeconds: timeoutSeconds, environment: environment) {
        case .success(let ids):
            let listed = ids.isEmpty ? nil : ids.contains { $0 == model.model || $0 == "models/\(model.model)" || $0.hasPrefix("\(model.model):") }
            return .reachable(listed: listed, milliseconds: elapsed())
        case .failure(let error) where error.status == 404 || error.status == 405:
            let chat = await probeChatRoute(model, timeoutSeconds: timeoutSeconds, environment: environment)
            switch chat.result {
            case .success: return .reachable(listed: nil, milliseconds: elapsed())
            case .failure(let chatError): return .failed(chatError, probed: [listingURL] + (chat.url.map { ["POST " + $0] } ?? []))
            }
        case .failure(let error):
            return .failed(error, probed: [listingURL])
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
        let client = makeClient(timeoutSeconds: timeoutSeconds)
        let result = await fetch(listingRequest(model, key: key), client: client, model: model, keyVariable: keyVariable,
                                 timeoutSeconds: timeoutSeconds)
        try? await client.shutdown()
        return result
    }

    /// The provider's model-listing request.
    static func listingRequest(_ model: ModelConfig, key: String?) -> HTTPClientRequest {
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
        return request
    }

    static func makeClient(timeoutSeconds: Double) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .milliseconds(Int64(timeoutSeconds * 1000)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
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
