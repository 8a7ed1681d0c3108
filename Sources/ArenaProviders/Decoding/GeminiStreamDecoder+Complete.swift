import ArenaCore

extension GeminiStreamDecoder {
    /// A whole `:generateContent` body (or a stream answered as plain JSON) as the events a stream
    /// would have given: reasoning and text parts in order, usage, then
    /// `.finished(finishReason ?? .stop)`. A top-level array of responses is folded in order.
    ///
    /// An error body → `.failed`; a blocked prompt → `.failed(.streamError)`; empty →
    /// `.failed(.emptyResponse)`; unreadable → `.failed(.malformedChunk)`.
    public static func decodeWhole(_ body: [UInt8]) -> [StreamEvent] {
        guard !body.isEmpty else {
            return [.failed(ProviderError(.emptyResponse, "The server answered with an empty body."))]
        }
        let responses: [GeminiResponse]
        if let one = try? WireJSON.decode(GeminiResponse.self, from: body) {
            responses = [one]
        } else if let many = try? WireJSON.decode([GeminiResponse].self, from: body) {
            responses = many
        } else {
            return [StreamFailure.malformed("a Gemini response", payload: String(decoding: body, as: UTF8.self))]
        }
        var events: [StreamEvent] = []
        var reason: FinishReason?
        var served = ServedModelTracker()
        for response in responses {
            if let error = response.error, error.isTruthy { return events + [StreamFailure.server(error)] }
            if let blocked = response.blockedPrompt { return events + [blocked] }
            if let report = served.report(model: response.modelVersion) { events.append(report) }
            events += response.contentEvents
            if let usage = response.usageMetadata { events.append(.usage(usage.normalised)) }
            if let wire = response.candidates?.first?.finishReason { reason = FinishReason(wire: wire) }
        }
        events.append(StreamLifecycle.checked(.finished(reason ?? .stop)))
        return events
    }

    /// A non-2xx response as a `ProviderError`; see `HTTPErrorMapper` for the rules (Gemini's
    /// per-day `QuotaFailure` → `.quotaExhausted`; `RetryAdvice` reads its `RetryInfo`).
    /// `keyVariable` is the environment variable the key came from (named in auth errors).
    public static func error(status: Int, headers: [(String, String)], body: [UInt8],
                             keyVariable: String?) -> ProviderError {
        HTTPErrorMapper.map(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
