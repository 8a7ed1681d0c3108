import ArenaCore

/// Turns a streamed response body into `StreamEvent`s, whatever the chunking.
///
/// A pure value type: no I/O, no clock. The HTTP wrapper feeds it the body's byte buffers as
/// they arrive and calls `finish()` when the body ends.
///
/// ```swift
/// var decoder = OpenAIChatDecoder()
/// for try await buffer in body { events += decoder.feed(Array(buffer.readableBytesView)) }
/// events += decoder.finish()
/// ```
///
/// Contract:
/// - Chunk boundaries mean nothing: a UTF-8 character or a CRLF pair can be split between feeds.
/// - Exactly one terminal event is produced over the decoder's life: `.finished(reason)` or
///   `.failed(error)`. After it, further input is ignored and yields no events.
/// - `finish()` at end of body: with no terminal marker seen, the answer is `.finished(.truncated)`
///   (or `.failed(.emptyResponse)` when the body had no bytes at all).
public protocol ChatStreamDecoder: Sendable {
    mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamEvent]
    mutating func finish() -> [StreamEvent]
}
