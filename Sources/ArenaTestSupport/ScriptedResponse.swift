import Foundation

/// What the test server sends for one request: a status, headers, then body parts with pauses,
/// an abrupt close, or a stall — every way a real endpoint behaves or fails.
public struct ScriptedResponse: Sendable {
    public enum Part: Sendable {
        /// Body bytes, sent as one chunk.
        case bytes([UInt8])
        /// Wait before the next part.
        case pause(Duration)
        /// Close the connection now, without finishing the body (a cut stream).
        case cut
        /// Send nothing more and never finish (a stalled server).
        case stall
        /// Send nothing more until the test says so (checked every 10 ms): orders one stream after
        /// events elsewhere by construction, not by guessing how long they take.
        case waitUntil(@Sendable () -> Bool)
        /// Call this when the response gets here (say, "this stream has sent its text"), so a
        /// test observes the server's progress by event, not by guessing a duration.
        case run(@Sendable () -> Void)
    }

    public var status: Int
    public var headers: [(String, String)]
    public var parts: [Part]
    /// Wait this long before sending even the status line.
    public var headDelay: Duration

    public init(status: Int = 200, headers: [(String, String)] = [], parts: [Part], headDelay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.parts = parts
        self.headDelay = headDelay
    }

    /// A server-sent-events stream of these `data:` payloads, `delay` apart, ending with `[DONE]`
    /// unless `done` is false.
    public static func sse(_ payloads: [String], delay: Duration = .zero, done: Bool = true) -> ScriptedResponse {
        var parts: [Part] = []
        for payload in payloads {
            if delay > .zero { parts.append(.pause(delay)) }
            parts.append(.bytes(Array("data: \(payload)\n\n".utf8)))
        }
        if done { parts.append(.bytes(Array("data: [DONE]\n\n".utf8))) }
        return ScriptedResponse(headers: [("Content-Type", "text/event-stream")], parts: parts)
    }

    /// An OpenAI-compatible chat stream of `pieces` of text, then a finish chunk and `[DONE]`.
    public static func openAIChat(_ pieces: [String], delay: Duration = .zero, finish: String = "stop",
                                  usage: (prompt: Int, completion: Int)? = nil) -> ScriptedResponse {
        var payloads = [#"{"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#]
        for piece in pieces {
            payloads.append(#"{"choices":[{"index":0,"delta":{"content":\#(jsonString(piece))},"finish_reason":null}]}"#)
        }
        payloads.append(#"{"choices":[{"index":0,"delta":{},"finish_reason":"\#(finish)"}]}"#)
        if let usage {
            payloads.append(#"{"choices":[],"usage":{"prompt_tokens":\#(usage.prompt),"completion_tokens":\#(usage.completion),"total_tokens":\#(usage.prompt + usage.completion)}}"#)
        }
        return sse(payloads, delay: delay)
    }

    /// A JSON body with this status (error answers, model listings).
    public static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: [("Content-Type", "application/json")] + headers,
                         parts: [.bytes(Array(body.utf8))])
    }

    /// Raw transcript bytes (e.g. a captured `.body`), in chunks of `chunkSize` bytes `delay` apart.
    public static func raw(_ bytes: [UInt8], contentType: String, status: Int = 200, chunkSize: Int = 4096,
                           delay: Duration = .zero) -> ScriptedResponse {
        var parts: [Part] = []
        var offset = 0
        while offset < bytes.count {
            if delay > .zero, offset > 0 { parts.append(.pause(delay)) }
            parts.append(.bytes(Array(bytes[offset..<min(offset + chunkSize, bytes.count)])))
            offset += chunkSize
        }
        return ScriptedResponse(status: status, headers: [("Content-Type", contentType)], parts: parts)
    }

    static func jsonString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        let array = data.flatMap { String(data: $0, encoding: .utf8) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}

/// A request the test server received, for assertions.
public struct RecordedRequest: Sendable {
    public var method: String
    public var uri: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, if it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
