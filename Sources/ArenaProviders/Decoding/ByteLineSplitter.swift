#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into complete lines, whatever the chunking. Shared by `SSEDecoder` and
/// `NDJSONLineSplitter`; internal.
///
/// ```swift
/// var lines = ByteLineSplitter(endings: .sse, maxLineLength: 1 << 20)
/// lines.feed(bytes) { line in handle(line) }   // `line` excludes the terminator
/// lines.finish { lastLine in handle(lastLine) }
/// ```
///
/// Traps:
/// - With `.sse` endings a lone CR ends a line, and an LF right after it (even in the next feed)
///   is swallowed: CRLF split across feeds is one line end, not two. The line is handed out at the
///   CR, so nothing waits for the next byte.
/// - With `.lineFeed` endings only LF ends a line; one CR before it is dropped (CRLF). A lone CR
///   stays inside the line.
/// - The state holds only the unfinished line, so two splitters that have read the same bytes are
///   `==` however the bytes were chunked (the transcript tests rely on that).
/// - A line longer than `maxLineLength` bytes stops the splitter for good: `exceededLimit` is set,
///   the callback is told via `onOverflow`, and all later input is ignored.
struct ByteLineSplitter: Sendable, Equatable {
    enum Endings: Sendable, Equatable {
        /// CRLF, LF or a lone CR (WHATWG server-sent events).
        case sse
        /// LF or CRLF (NDJSON).
        case lineFeed
    }

    let endings: Endings
    let maxLineLength: Int
    /// Bytes of the line not yet terminated (never contains LF; with `.sse`, never CR).
    private var partial: [UInt8] = []
    /// With `.sse`: the last byte seen was a CR, so an LF next is its partner.
    private var swallowNextLF = false
    private(set) var exceededLimit = false

    init(endings: Endings, maxLineLength: Int) {
        self.endings = endings
        self.maxLineLength = max(1, maxLineLength)
    }

    /// Splits `bytes`, calling `line` for every completed line (terminator excluded) and
    /// `overflow` once if a line grows past the limit.
    mutating func feed(
        _ bytes: some Collection<UInt8>,
        line: (UnsafeBufferPointer<UInt8>) -> Void,
        overflow: () -> Void
    ) {
        guard !exceededLimit, !bytes.isEmpty else { return }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            scan(buffer, line: line, overflow: overflow)
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { scan($0, line: line, overflow: overflow) }
        }
    }

    /// Hands out the unterminated last line, if any bytes of it arrived.
    mutating func finish(line: (UnsafeBufferPointer<UInt8>) -> Void) {
        defer { partial.removeAll() }
        guard !exceededLimit, !partial.isEmpty else { return }
        if endings == .lineFeed, partial.last == 0x0D { partial.removeLast() }
        partial.withUnsafeBufferPointer(line)
    }

    private mutating func scan(
        _ buffer: UnsafeBufferPointer<UInt8>,
        line: (UnsafeBufferPointer<UInt8>) -> Void,
        overflow: () -> Void
    ) {
        var start = 0
        var index = 0
        let count = buffer.count
        if swallowNextLF {
            swallowNextLF = false
            if buffer[0] == 0x0A { start = 1; index = 1 }
        }
        // A line's end is found with memchr (vectorised) when the bytes hold no CR, which is
        // nearly always; otherwise byte by byte.
        let noCR = endings == .lineFeed || memchr(buffer.baseAddress! + index, 0x0D, count - index) == nil
        while index < count {
            if noCR {
                guard let found = memchr(buffer.baseAddress! + index, 0x0A, count - index) else { index = count; break }
                index = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                while index < count, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
                guard index < count else { break }
            }
            let byte = buffer[index]

            var end = index
            if endings == .lineFeed, end > start, buffer[end - 1] == 0x0D { end -= 1 }
            // CRLF split across feeds: the CR is the last byte kept from the previous feed.
            let dropsPartialCR = endings == .lineFeed && index == start && partial.last == 0x0D
            if partial.isEmpty {
                guard end - start <= maxLineLength else { return fail(overflow) }
                line(UnsafeBufferPointer(rebasing: buffer[start..<end]))
            } else {
                partial.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                if dropsPartialCR { partial.removeLast() }
                guard partial.count <= maxLineLength else { return fail(overflow) }
                partial.withUnsafeBufferPointer(line)
                partial.removeAll(keepingCapacity: true)
            }
            index += 1
            if byte == 0x0D {
                if index < count {
                    if buffer[index] == 0x0A { index += 1 }
                } else {
                    swallowNextLF = true
                }
            }
            start = index
        }
        if start < count {
            partial.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<count]))
            // A CR kept for CRLF (`.lineFeed`) may still be stripped, so allow one extra byte.
            let limit = endings == .lineFeed && partial.last == 0x0D ? maxLineLength + 1 : maxLineLength
            if partial.count > limit { fail(overflow) }
        }
    }

    private mutating func fail(_ overflow: () -> Void) {
        exceededLimit = true
        partial = []
        swallowNextLF = false
        overflow()
    }
}
