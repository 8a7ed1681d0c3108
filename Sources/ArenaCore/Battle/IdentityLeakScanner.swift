/// The identity-leak scan in one linear pass, fed piece by piece as an answer streams in.
///
/// ```swift
/// var scanner = IdentityLeakScanner()
/// for piece in pieces { scanner.feed(piece) }
/// let words = scanner.finish(text: pieces.joined())   // == IdentityLeakDetector.matches(in:)
/// ```
///
/// An Aho–Corasick automaton over `IdentityLeakDetector.identityWords` with ASCII case folding;
/// the word-boundary rules are the detector's (not after a letter, digit or `_`; not before a
/// letter, so `gpt-4` and `llama3` match).
///
/// Traps:
/// - It is exact only for text made of ASCII, "inert" symbols (`IdentityLeakScanner.isInert`:
///   curly quotes, dashes, arrows, box drawing, most emoji) and "inert letters" (`isInertLetter`:
///   CJK, kana, Hangul, basic Greek and Cyrillic). Any other non-ASCII scalar (accented
///   letters, other scripts, combining marks, `İ` and the Kelvin sign, which lowercase to ASCII) makes
///   `finish(text:)` run the reference scan over `text` instead: Unicode lowercasing, grapheme
///   clusters and Foundation's canonical-equivalence search are its definition, not ours.
/// - So `text` given to `finish` must be exactly the concatenation of every piece fed.
/// - Pieces are whole `String`s, so a scalar never splits across feeds; a grapheme cluster may,
///   which is why the state is per scalar.
public struct IdentityLeakScanner: Sendable, Equatable {
    private var state: Int = 0
    /// Bit i: whether the i-th character back was a word character (letter, digit, `_`).
    private var history: UInt64 = 0
    /// Words whose match ended at the last character, waiting for the next one (not a letter).
    private var pending: UInt32 = 0
    private var found: UInt32 = 0
    /// A non-inert, non-ASCII scalar was seen: `finish` uses the reference scan.
    public private(set) var needsReferenceScan = false
    /// The scalar being assembled from a multi-byte UTF-8 sequence, and the bytes still due.
    private var scalar: UInt32 = 0
    private var remaining = 0

    public init() {}

    public mutating func feed(_ piece: String) {
        guard !needsReferenceScan else { return }
        if piece.utf8.withContiguousStorageIfAvailable({ feed(bytes: $0) }) == nil {
            var copy = piece
            copy.makeContiguousUTF8()
            _ = copy.utf8.withContiguousStorageIfAvailable { feed(bytes: $0) }
        }
    }

    /// The identity words in list order, each once; `text` is every piece fed, joined.
    public func finish(text: String) -> [String] {
        if needsReferenceScan { return IdentityLeakDetector.referenceMatches(in: text) }
        let all = found | pending  // the end of the text is a boundary
        guard all != 0 else { return [] }
        let words = IdentityLeakDetector.identityWords
        return words.indices.filter { all & (1 << UInt32($0)) != 0 }.map { words[$0] }
    }

    private mutating func feed(bytes: UnsafeBufferPointer<UInt8>) {
        let automaton = IdentityLeakAutomaton.shared
        for byte in bytes {
            if byte < 0x80 {
                if remaining != 0 { return fallBack() }  // cannot happen in valid UTF-8
                let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                let isLetter = lower &- 0x61 < 26
                if pending != 0 {
                    if !isLetter { found |= pending }
                    pending = 0
                }
                state = automaton.next(state, lower)
                let isWord = isLetter || lower &- 0x30 < 10 || lower == UInt8(ascii: "_")
                history = history << 1 | (isWord ? 1 : 0)
                let output = automaton.outputs[state]
                if output != 0 { pending = automaton.acceptedAtBoundary(output, history: history) }
            } else if byte >= 0xC0 {
                // A new non-ASCII scalar: decided once its last byte is in.
                if remaining != 0 { return fallBack() }
                remaining = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                scalar = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
            } else {
                guard remaining > 0 else { return fallBack() }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                remaining -= 1
                guard remaining == 0 else { continue }
                // One character that matches no word: punctuation if inert, a letter if an inert
                // letter; anything else and the reference scan decides everything.
                if Self.isInert(scalar) {
                    found |= pending
                    history <<= 1
                } else if Self.isInertLetter(scalar) {
                    history = history << 1 | 1
                } else {
                    return fallBack()
                }
                pending = 0
                state = 0
            }
        }
    }

    private mutating func fallBack() { needsReferenceScan = true }

    /// Non-ASCII letters that behave like an ASCII letter in no identity word for the reference
    /// scan: letters, lowercasing to letters of the same kind (never to ASCII), no canonical
    /// decomposition with ASCII in it, never joined to a neighbour in a grapheme cluster — CJK
    /// ideographs, kana, Hangul syllables, and the Greek and Cyrillic letters of their basic
    /// blocks. Accented Latin letters are not here: they decompose to an ASCII letter and a mark.
    /// `IdentityLeakScannerTests` checks every one of them, and the scan around each.
    public static func isInertLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x0386, 0x0388...0x038A, 0x038C, 0x038E...0x03A1, 0x03A3...0x03CE,   // Greek
             0x0400...0x045F,                                                      // Cyrillic
             0x3041...0x3096, 0x30A1...0x30FA, 0x30FC,                             // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF,                                     // CJK ideographs
             0xAC00...0xD7A3:                                                      // Hangul syllables
            return true
        default:
            return false
        }
    }

    /// Non-ASCII scalars that behave like ASCII punctuation for the reference scan: not letters
    /// or numbers, their own lowercase, no canonical decomposition to ASCII, never joined to a
    /// neighbour in a grapheme cluster. `IdentityLeakScannerTests` checks every one of them.
    public static func isInert(_ value: UInt32) -> Bool {
        switch value {
        case 0x2260, 0x226E, 0x226F:
            return false      // ≠ ≮ ≯ decompose canonically to = < > plus a combining mark
        case 0x00A0...0x00A9, 0x00AB, 0x00AC, 0x00AE...0x00B1, 0x00B4, 0x00B6...0x00B8, 0x00BB, 0x00BF,
             0x00D7, 0x00F7,
             0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0,
             0x2190...0x23FF, 0x2500...0x2775, 0x2794...0x27BF,
             0x3001...0x3004, 0x3008...0x301F,                                   // CJK punctuation
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, // full-width punctuation
             0x1F300...0x1F3FA, 0x1F400...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:
            return true
        default:
            return false
        }
    }
}
