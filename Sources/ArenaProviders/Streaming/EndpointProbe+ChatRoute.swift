import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension EndpointProbe {
    /// Asks the route a battle streams from — built by the model's own wire format, so it is
    /// exactly the URL and headers the chat uses — with an empty conversation and a one-token cap.
    /// A server that serves the route refuses it (400/422) or answers it (2xx): either way the
    /// route and the key are accepted. A 2xx body is never read, so nothing streams.
    static func probeChatRoute(_ model: ModelConfig, timeoutSeconds: Double,
                               environment: [String: String]) async -> (result: Swift.Result<Void, ProviderError>, url: String?) {
        let keyVariable = KeyResolver.variable(for: model)
        var capped = model
        capped.params.maxTokens = 1
        let spec: HTTPRequestSpec
        do {
            let key = try KeyResolver.key(variable: keyVariable, model: model, environment: environment)
            spec = try model.provider.wireFormat.request(for: ChatRequest(model: capped, messages: []), apiKey: key)
        } catch {
            return (.failure(error), nil)
        }
        var request = HTTPClientRequest(url: spec.url.absoluteString)
        request.method = HTTPMethod(rawValue: spec.method)
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let client = makeClient(timeoutSeconds: timeoutSeconds)
        let outcome = await send(request, client: client, model: model, keyVariable: keyVariable, timeoutSeconds: timeoutSeconds)
        try? await client.shutdown()
        return (outcome, spec.url.absoluteString)
    }

    private static func send(_ request: HTTPClientRequest, client: HTTPClient, model: ModelConfig, keyVariable: String?,
                             timeoutSeconds: Double) async -> Swift.Result<Void, ProviderError> {
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return .success(()) }
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            let headers = response.headers.map { ($0.name, $0.value) }
            let error = model.provider.wireFormat.error(status: status, headers: headers, body: body, keyVariable: keyVariable)
            // Refusing the empty conversation proves the route is served; a bad key or model still fails.
            if status == 400 || status == 422, error.kind == .badRequest || error.kind == .contextTooLong { return .success(()) }
            return .failure(error)
        } catch {
            return .failure(TransportErrorMapper.map(error, url: model.baseURL))
        }
    }
}
