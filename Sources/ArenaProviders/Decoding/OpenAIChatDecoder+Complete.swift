import ArenaCore

extension OpenAIChatDecoder {
    /// A whole, non-streamed `chat.completion` body as the events a stream would have given:
    /// reasoning, text, usage, then `.finished(finish_reason ?? .stop)`.
    ///
    /// For servers that ignore `stream: true` and answer `application/json`; the HTTP layer picks
    /// this by content type. An `error` body → `.failed(.streamError)`; an empty body →
    /// `.failed(.emptyResponse)`; anything else unreadable → `.failed(.malformedChunk)`.
    public static func decodeWhole(_ body: [UInt8]) -> [StreamEvent] {
        guard !body.isEmpty else {
            return [.failed(ProviderError(.emptyResponse, "The server answered with an empty body."))]
        }
        let chunk: OpenAIChatChunk
        do {
            chunk = try WireJSON.decode(OpenAIChatChunk.self, from: body)
        } catch {
            return [StreamFailure.malformed("a chat completion", payload: String(decoding: body, as: UTF8.self))]
        }
        if let failure = chunk.failure { return [StreamFailure.server(failure)] }
        let choice = chunk.primaryChoice
        var served = ServedModelTracker()
        var events = served.report(model: chunk.model, fingerprint: chunk.systemFingerprint).map { [$0] } ?? []
        events += choice?.message?.events() ?? choice?.delta?.events() ?? []
        if let usage = chunk.tokenUsage { events.append(.usage(usage)) }
        events.append(StreamLifecycle.checked(.finished(choice?.finishReason.map(FinishReason.init(wire:)) ?? .stop)))
        return events
    }

    /// A non-2xx response as a `ProviderError`; see `HTTPErrorMapper` for the rules.
    /// `keyVariable` is the environment variable the key came from (named in auth errors).
    public static func error(status: Int, headers: [(String, String)], body: [UInt8],
                             keyVariable: String?) -> ProviderError {
        HTTPErrorMapper.map(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
