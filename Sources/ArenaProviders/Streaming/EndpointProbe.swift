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
        let keyVariable = KeyResolver.variable(for: model)
        let key: String?
        do { key = try KeyResolver.key(variable: keyVariable, model: model, environment: environment) } catch {
            return .failed(error)
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
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            let body = try await response.body.collect(upTo: 8 << 20)
            let bytes = Array(body.readableBytesView)
            let status = Int(response.status.code)
            guard (200..<300).contains(status) else {
                let headers = response.headers.map { ($0.name, $0.value) }
                return .failed(model.provider.wireFormat.error(status: status, headers: headers, body: bytes, keyVariable: keyVariable))
            }
            let elapsed = ContinuousClock.now - started
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            return .reachable(listed: ModelListing.contains(bytes, model: model.model), milliseconds: ms)
        } catch {
            return .failed(TransportErrorMapper.map(error, url: model.baseURL))
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
        return entries.flatMap { [$0.id, $0.name, $0.model].compactMap { $0 } }
    }

    static func contains(_ body: [UInt8], model: String) -> Bool? {
        guard let ids = ids(body) else { return nil }
        return ids.contains { $0 == model || $0 == "models/\(model)" || $0.hasPrefix("\(model):") }
    }
}
