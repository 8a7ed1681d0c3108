/// One dispatched server-sent event: what a blank line after `event:`/`data:`/`id:` lines means.
///
/// ```swift
/// SSEEvent(type: "message_stop", data: #"{"type":"message_stop"}"#)
/// ```
///
/// Traps: `data` lines are joined with `\n` and the last `\n` is dropped, so two `data:` lines
/// `a` and `b` give `"a\nb"`; `id` is the *last event ID* in force, which persists across events.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field, `"message"` when the event had none.
    public var type: String
    /// The joined `data:` lines.
    public var data: String
    /// The last event ID set by an `id:` line in this or an earlier event.
    public var id: String?

    public init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}

extension SSEDecoder {
    /// Everything `SSEDecoder.feedOutputs(_:)` can report, in stream order.
    public enum Output: Sendable, Equatable {
        /// A spec-conforming event.
        case event(SSEEvent)
        /// JSON that came outside SSE framing: a line starting with `{`/`[` plus the lines that
        /// continue it until its brackets balance (Gemini's raw `{"error":…}` after its last
        /// event). It may be invalid JSON; decoders read it only to find errors.
        case unframedJSON(String)
        /// The JSON value of a non-standard `error: {…}` line (llama-server before PR 16109):
        /// the error object itself, not wrapped in `{"error":…}`. May be invalid JSON.
        case errorField(String)
        /// A single line grew past `maxLineLength` bytes; the decoder has stopped for good.
        case lineTooLong(limit: Int)
    }
}
