/// Server-sent events (WHATWG HTML §9.2) from raw bytes, line by line, whatever the chunking.
///
/// A pure value type: no I/O, no clock. Copying it forks the parse.
///
/// ```swift
/// var sse = SSEDecoder()
/// for event in sse.feed(bytes) { handle(event.type, event.data) }
/// for event in sse.finish() { handle(event.type, event.data) }
/// ```
///
/// Format decoders use `feedOutputs(_:)` / `finishOutputs()` instead, which also report JSON that
/// arrived outside SSE framing (`Output.unframedJSON`, `Output.errorField`) and an over-long line
/// (`Output.lineTooLong`), in stream order.
///
/// Rules and traps:
/// - Lines end at CRLF, LF or a lone CR; a CRLF split across two feeds is one line end.
/// - One leading UTF-8 BOM is stripped. Each complete line is decoded as UTF-8 on its own;
///   invalid bytes become U+FFFD (never a crash), so a character split across feeds is intact.
/// - `:` lines are comments. A field is split at the first `:` and one leading space is dropped
///   from the value (`data:x` = `data: x`; `data:  x` is `" x"`). Unknown fields are ignored.
/// - `data` lines join with `\n`; a blank line dispatches; an event with no `data` line is not
///   dispatched, but a bare `data:` line dispatches an event whose data is `""` (as the spec says).
/// - `id` persists across events (ignored if it contains NUL); `retry` counts only if all digits.
/// - EOF (`finish`) dispatches an unterminated event whose data is non-empty. The spec discards it;
///   servers that close without the final blank line make this leniency worthwhile.
/// - A line longer than `maxLineLength` bytes stops the decoder: `exceededLineLimit` becomes true
///   (and `feedOutputs` reports `.lineTooLong`); all later input is ignored.
public struct SSEDecoder: Sendable, Equatable {
    /// 8 MiB: far above any text chunk, enough for inline base64 images in one `data:` line.
    public static let defaultMaxLineLength = 8 << 20

    private var lines: ByteLineSplitter
    private var unframed: UnframedJSONCollector
    private var atStreamStart = true
    /// The event's `data` lines so far, joined with LF (no trailing LF), and how many there were.
    private var dataBuffer = ""
    private var dataLines = 0
    private var eventType = ""
    /// The last event ID (`id:`), which every later event carries until changed.
    public private(set) var lastEventID: String?
    /// The server's reconnection time in milliseconds (`retry:`), if it sent one.
    public private(set) var reconnectionTime: Int?
    /// Whether a line exceeded `maxLineLength`; once true the decoder ignores all input.
    public private(set) var exceededLineLimit = false

    public var maxLineLength: Int { lines.maxLineLength }

    public init(maxLineLength: Int = SSEDecoder.defaultMaxLineLength) {
        lines = ByteLineSplitter(endings: .sse, maxLineLength: maxLineLength)
        unframed = UnframedJSONCollector(limit: maxLineLength)
    }

    /// Consumes `bytes`; returns the events completed by them.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [SSEEvent] {
        feedOutputs(bytes).compactMap(\.event)
    }

    /// Ends the stream; returns an unterminated last event if it has data.
    public mutating func finish() -> [SSEEvent] {
        finishOutputs().compactMap(\.event)
    }

    /// Like `feed(_:)`, plus unframed JSON and the line-limit failure, in stream order.
    public mutating func feedOutputs(_ bytes: some Collection<UInt8>) -> [Output] {
        var outputs: [Output] = []
        // The splitter is moved out while it calls back into `self` (exclusive access); the
        // move keeps its buffer uniquely referenced, so nothing is copied.
        var splitter = lines
        lines = Self.idle
        let limit = splitter.maxLineLength
        splitter.feed(bytes, line: { process(line: $0, into: &outputs) },
                      overflow: { overflowed(limit: limit, into: &outputs) })
        lines = splitter
        return outputs
    }

    /// Like `finish()`, plus unframed JSON still being collected.
    public mutating func finishOutputs() -> [Output] {
        var outputs: [Output] = []
        var splitter = lines
        lines = Self.idle
        splitter.finish { process(line: $0, into: &outputs) }
        lines = splitter
        if let json = unframed.flush() { outputs.append(.unframedJSON(json)) }
        dispatch(into: &outputs)
        return outputs
    }

    private mutating func overflowed(limit: Int, into outputs: inout [Output]) {
        exceededLineLimit = true
        dataBuffer = ""
        dataLines = 0
        eventType = ""
        _ = unframed.flush()
        outputs.append(.lineTooLong(limit: limit))
    }

    private mutating func process(line raw: UnsafeBufferPointer<UInt8>, into outputs: inout [Output]) {
        var line = raw
        if atStreamStart {
            atStreamStart = false
            if line.starts(with: Self.bom) { line = UnsafeBufferPointer(rebasing: line.dropFirst(3)) }
        }
        guard let first = line.first else {
            if let json = unframed.flush() { outputs.append(.unframedJSON(json)) }
            return dispatch(into: &outputs)
        }
        if first == UInt8(ascii: ":") { return }

        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let name = UnsafeBufferPointer(rebasing: line[..<colon])
        let field = Field(name)
        if unframed.isCollecting {
            guard field != nil else {
                if let json = unframed.append(Self.text(line)[...]) { outputs.append(.unframedJSON(json)) }
                return
            }
            if let json = unframed.flush() { outputs.append(.unframedJSON(json)) }
        }

        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = UnsafeBufferPointer(rebasing: line[valueStart...])

        switch field {
        case .data:
            if dataLines == 0 {
                dataBuffer = Self.text(value)
            } else {
                dataBuffer += "\n"
                dataBuffer += Self.text(value)
            }
            dataLines += 1
        case .event:
            eventType = Self.text(value)
        case .id:
            if !value.contains(0) { lastEventID = Self.text(value) }
        case .retry:
            if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let ms = Int(Self.text(value)) {
                reconnectionTime = ms
            }
        case .error:
            let text = Self.text(value)
            if UnframedJSONCollector.startsJSON(text[...]) { outputs.append(.errorField(text)) }
        case nil:
            guard line.first == UInt8(ascii: "{") || line.first == UInt8(ascii: "[")
                    || line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") else { return }
            let text = Self.text(line)
            if UnframedJSONCollector.startsJSON(text[...]), let json = unframed.append(text[...]) {
                outputs.append(.unframedJSON(json))
            }
        }
    }

    private mutating func dispatch(into outputs: inout [Output]) {
        defer { dataBuffer = ""; dataLines = 0; eventType = "" }
        guard dataLines > 0 else { return }
        outputs.append(.event(SSEEvent(type: eventType.isEmpty ? "message" : eventType,
                                       data: dataBuffer, id: lastEventID)))
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let idle = ByteLineSplitter(endings: .sse, maxLineLength: 1)

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The field names this decoder acts on; `error` only to rescue old llama-server errors.
    private enum Field {
        case data, event, id, retry, error

        init?(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 2 where name.elementsEqual("id".utf8): self = .id
            case 4 where name.elementsEqual("data".utf8): self = .data
            case 5 where name.elementsEqual("event".utf8): self = .event
            case 5 where name.elementsEqual("retry".utf8): self = .retry
            case 5 where name.elementsEqual("error".utf8): self = .error
            default: return nil
            }
        }
    }
}

extension SSEDecoder.Output {
    /// The event, when this output is one.
    public var event: SSEEvent? {
        if case .event(let event) = self { return event }
        return nil
    }
}
