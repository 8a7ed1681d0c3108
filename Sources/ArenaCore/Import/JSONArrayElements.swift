/// The top-level elements of a JSON array, found as byte ranges without parsing them, so that
/// `arena import` decodes LMArena's `clean_battle.json` (one array of every row) element by
/// element: memory stays at one batch, not the whole file as `Any` values, and a bad row is one
/// problem, not the whole file refused.
///
/// ```swift
/// let end = JSONArrayElements.scan(bytes) { range in decode(bytes[range]) }
/// // .complete, or .broken(offset) where the array stops making sense (cut short, or not an array)
/// ```
///
/// Traps: it tracks only strings (with their escapes) and bracket depth. An element's own
/// syntax is its decoder's business, and an element with unbalanced brackets may swallow the rest
/// of the file as one bad element. Whitespace around each element is not part of its range.
enum JSONArrayElements {
    enum End: Equatable {
        case complete
        /// Byte offset where it stopped: no `[` at the start, an array cut short, or bytes after its `]`.
        case broken(at: Int)
    }

    static func scan(_ bytes: UnsafeRawBufferPointer, element: (Range<Int>) throws -> Void) rethrows -> End {
        let count = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        func skipSpace(_ index: inout Int) { while index < count, isSpace(bytes[index]) { index += 1 } }
        var index = 0
        skipSpace(&index)
        guard index < count, bytes[index] == UInt8(ascii: "[") else { return .broken(at: index) }
        index += 1
        skipSpace(&index)
        if index < count, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                let start = index
                var depth = 0
                var inString = false
                scanning: while index < count {
                    let byte = bytes[index]
                    if inString {
                        if byte == UInt8(ascii: "\\") { index += 2; continue }
                        if byte == UInt8(ascii: "\"") { inString = false }
                        index += 1
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if depth == 0 { break scanning }
                        depth -= 1
                    case UInt8(ascii: ","):
                        if depth == 0 { break scanning }
                    default: break
                    }
                    index += 1
                }
                guard index < count else { return .broken(at: count) }  // cut short
                var end = index
                while end > start, isSpace(bytes[end - 1]) { end -= 1 }
                try element(start..<end)
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "]") { break }
                guard separator == UInt8(ascii: ",") else { return .broken(at: index - 1) }  // a stray `}`
                skipSpace(&index)
            }
        }
        skipSpace(&index)
        return index == count ? .complete : .broken(at: index)
    }
}
