import ArenaCore
import ArenaProviders

/// Feeds one body to a fresh decoder in different chunkings and reports how the results differ.
///
/// ```swift
/// let whole = DecoderReplay.whole(OpenAIChatDecoder(), body)
/// #expect(DecoderReplay.bytewise(OpenAIChatDecoder(), body) == whole)
/// #expect(DecoderReplay.splitMismatches(OpenAIChatDecoder(), body).isEmpty)
/// ```
///
/// Trap: `splitMismatches` does not re-decode the whole body for every offset (that is O(n²):
/// ~18 min for the 104 KB transcript in a debug build). It relies on the decoders being pure,
/// `Equatable` values whose state holds only what is still unconsumed: for a split at byte k it
/// starts from the state a line-by-line pass reached one line start before k's line, feeds up to k,
/// then up to the line start after the next line, and demands the same events and an `==` state
/// as the line-by-line pass there. Equal state at a point both runs reached means equal output
/// for the rest of the body, so this checks the same thing as two feeds split at k.
/// `literalSplitMismatches` does the O(n²) version for small bodies.
enum DecoderReplay {
    static func whole<D: ChatStreamDecoder>(_ fresh: D, _ body: [UInt8]) -> [StreamEvent] {
        var decoder = fresh
        return decoder.feed(body) + decoder.finish()
    }

    /// Feeds `chunks` one by one (as UTF-8), then finishes.
    static func chunks<D: ChatStreamDecoder>(_ fresh: D, _ chunks: [String]) -> [StreamEvent] {
        var decoder = fresh
        var events: [StreamEvent] = []
        for chunk in chunks { events += decoder.feed(Array(chunk.utf8)) }
        return events + decoder.finish()
    }

    static func bytewise<D: ChatStreamDecoder>(_ fresh: D, _ body: [UInt8]) -> [StreamEvent] {
        var decoder = fresh
        var events: [StreamEvent] = []
        for byte in body { events += decoder.feed(CollectionOfOne(byte)) }
        return events + decoder.finish()
    }

    static func split<D: ChatStreamDecoder>(_ fresh: D, _ body: [UInt8], at offset: Int) -> [StreamEvent] {
        var decoder = fresh
        return decoder.feed(body[..<offset]) + decoder.feed(body[offset...]) + decoder.finish()
    }

    /// Offsets where two feeds split there give other events than one feed (O(n²)).
    static func literalSplitMismatches<D: ChatStreamDecoder>(_ fresh: D, _ body: [UInt8]) -> [Int] {
        let reference = whole(fresh, body)
        return (0...body.count).filter { split(fresh, body, at: $0) != reference }
    }

    /// Offsets where a split gives other events or another state (see the type's note; O(n)).
    static func splitMismatches<D: ChatStreamDecoder & Equatable>(_ fresh: D, _ body: [UInt8]) -> [Int] {
        let starts = lineStarts(body)
        var states = [fresh]
        var segments: [[StreamEvent]] = []
        var decoder = fresh
        for index in 0..<(starts.count - 1) {
            segments.append(decoder.feed(body[starts[index]..<starts[index + 1]]))
            states.append(decoder)
        }
        var mismatches: [Int] = []
        var segment = 0
        for offset in 0...body.count {
            while segment + 1 < starts.count - 1, starts[segment + 1] <= offset { segment += 1 }
            let from = max(0, segment - 1)
            let to = min(starts.count - 1, segment + 2)
            var probe = states[from]
            let events = probe.feed(body[starts[from]..<offset]) + probe.feed(body[offset..<starts[to]])
            if events != Array(segments[from..<to].joined()) || probe != states[to] {
                mismatches.append(offset)
            }
        }
        return mismatches
    }

    /// 0, every position just after a line end (CRLF counts once), and the body's end.
    static func lineStarts(_ body: [UInt8]) -> [Int] {
        var starts = [0]
        for index in body.indices {
            let byte = body[index]
            let endsLine = byte == 0x0A || (byte == 0x0D && (index + 1 == body.count || body[index + 1] != 0x0A))
            if endsLine, index + 1 < body.count { starts.append(index + 1) }
        }
        starts.append(body.count)
        return starts
    }

    static func fold(_ events: [StreamEvent]) -> AnswerAccumulator {
        var answer = AnswerAccumulator()
        answer.apply(events)
        return answer
    }

    /// Whether `events` keep the decoder contract: exactly one terminal event, and it is last.
    static func hasOneTerminalLast(_ events: [StreamEvent]) -> Bool {
        let terminals = events.indices.filter { index in
            switch events[index] {
            case .finished, .failed: return true
            default: return false
            }
        }
        return terminals == [events.count - 1]
    }
}
