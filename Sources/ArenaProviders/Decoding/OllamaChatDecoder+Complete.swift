import ArenaCore

extension OllamaChatDecoder {
    /// A whole non-streamed `/api/chat` answer (`stream: false`) as the events a stream would
    /// have given: reasoning, text, usage, `.finished(done_reason ?? .stop)`.
    ///
    /// An `{"error":"…"}` body → `.failed(.streamError)`; empty → `.failed(.emptyResponse)`;
    /// unreadable → `.failed(.malformedChunk)`.
    public static func decodeWhole(_ body: [UInt8]) -> [StreamEvent] {
        guard !body.isEmpty else {
            return [.failed(ProviderError(.emptyResponse, "The server answered with an empty body."))]
        }
        guard let chunk = try? WireJSON.decode(OllamaChatLine.self, from: body) else {
            return [StreamFailure.malformed("an Ollama chat answer", payload: String(decoding: body, as: UTF8.self))]
        }
        var complete = chunk
        complete.done = true
        var served = ServedModelTracker()
        let report = chunk.error?.isTruthy == true ? nil : served.report(model: chunk.model)
        let (events, terminal) = Self.events(of: complete)
        return (report.map { [$0] } ?? []) + events + [StreamLifecycle.checked(terminal ?? .finished(.stop))]
    }

    /// A non-2xx response as a `ProviderError`; see `HTTPErrorMapper` for the rules.
    /// `keyVariable` is the environment variable the key came from (named in auth errors;
    /// nil for a local server).
    public static func error(status: Int, headers: [(String, String)], body: [UInt8],
                             keyVariable: String?) -> ProviderError {
        HTTPErrorMapper.map(status: status, headers: headers, body: body, keyVariable: keyVariable)
    }
}
