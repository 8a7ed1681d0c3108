import ArenaCore

extension AnthropicMessagesDecoder {
    /// A whole, non-streamed Messages response as the events a stream would have given:
    /// thinking blocks as reasoning, text blocks as text (in order), usage, then
    /// `.finished(stop_reason ?? .stop)`.
    ///
    /// For servers that ignore `stream: true` and answer `application/json` (LiteLLM does for
    /// `mock_response` models). An error body → `.failed`; empty → `.failed(.emptyResponse)`;
    /// unreadable → `.failed(.malformedChunk)`.
    public static func decodeWhole(_ body: [UInt8]) -> [StreamEvent] {
        guard !body.isEmpty else {
            return [.failed(ProviderError(.emptyResponse, "The server answered with an empty body."))]
        }
        let payload: AnthropicEvent
        let message: AnthropicMessage
        do {
            payload = try WireJSON.decode(AnthropicEvent.self, from: body)
            message = try WireJSON.decode(AnthropicMessage.self, from: body)
        } catch {
            return [StreamFailure.malformed("a message", payload: String(decoding: body, as: UTF8.self))]
        }
        if payload.type == "error" || payload.error?.isTruthy == true {
            return [StreamFailure.server(payload.error.flatMap { $0.isTruthy ? $0 : nil } ?? WireError(type: "error"))]
        }
        var served = ServedModelTracker()
        var events = served.report(model: message.model).map { [$0] } ?? []
        events += (message.content ?? []).flatMap(\.events)
        var tally = AnthropicUsageTally()
        if let usage = message.usage, let tokens = tally.absorb(usage, includeOutput: true) {
            events.append(.usage(tokens))
        }
        events.append(StreamLifecycle.checked(.finished(message.stopReason.map(FinishReason.init(wire:)) ?? .stop)))
        return events
    }

    /// A non-2xx response as a `ProviderError`; see `HTTPErrorMapper` for the rules.
    /// `keyVariable` is the environment variable the key came from (named in auth errors).
    public static func error(status: Int, headers: [(String, String)], body: [UInt8],
                             keyVariable: String?) -> ProviderError {
        HTTPErrorMapper.map(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
