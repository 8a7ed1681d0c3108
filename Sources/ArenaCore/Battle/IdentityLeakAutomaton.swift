/// The Aho–Corasick automaton behind `IdentityLeakScanner`, built once over the lowercased
/// `IdentityLeakDetector.identityWords`. Internal.
///
/// ```swift
/// let automaton = IdentityLeakAutomaton.shared
/// state = automaton.next(state, lowercasedASCIIByte)
/// if automaton.outputs[state] != 0 { … }        // bit i: identityWords[i] ends here
/// ```
///
/// Traps: the word list is ASCII (checked at build: a non-ASCII word would need the reference
/// scan); at most 32 words (one bit each in a `UInt32`); word length ≤ 63 (the history window).
struct IdentityLeakAutomaton: Sendable {
    static let shared = IdentityLeakAutomaton(words: IdentityLeakDetector.identityWords)

    /// `table[state * 128 + byte]`: the next state for a lowercased ASCII byte.
    private let table: [Int32]
    /// Per state: the words (bits) that end at it, through failure links too.
    let outputs: [UInt32]
    /// Per word: its length in bytes.
    private let lengths: [Int]

    init(words: [String]) {
        precondition(words.count <= 32 && words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } && $0.utf8.count < 63 })
        var trie: [[Int32]] = [Array(repeating: -1, count: 128)]
        var output: [UInt32] = [0]
        for (number, word) in words.enumerated() {
            var state = 0
            for byte in word.lowercased().utf8 {
                if trie[state][Int(byte)] < 0 {
                    trie[state][Int(byte)] = Int32(trie.count)
                    trie.append(Array(repeating: -1, count: 128))
                    output.append(0)
                }
                state = Int(trie[state][Int(byte)])
            }
            output[state] |= 1 << UInt32(number)
        }
        // Breadth-first: failure links, folded into a full transition table.
        var fail = Array(repeating: 0, count: trie.count)
        var queue: [Int] = []
        for byte in 0..<128 {
            let child = trie[0][byte]
            if child < 0 { trie[0][byte] = 0 } else { fail[Int(child)] = 0; queue.append(Int(child)) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] |= output[fail[state]]
            for byte in 0..<128 {
                let child = trie[state][byte]
                if child < 0 {
                    trie[state][byte] = trie[fail[state]][byte]
                } else {
                    fail[Int(child)] = Int(trie[fail[state]][byte])
                    queue.append(Int(child))
                }
            }
        }
        table = trie.flatMap { $0 }
        outputs = output
        lengths = words.map { $0.utf8.count }
    }

    @inline(__always)
    func next(_ state: Int, _ byte: UInt8) -> Int { Int(table[state &* 128 &+ Int(byte)]) }

    /// The words in `output` whose first character follows a non-word character (bit `length`
    /// of `history`, where bit 0 is the word's last character).
    func acceptedAtBoundary(_ output: UInt32, history: UInt64) -> UInt32 {
        var accepted: UInt32 = 0
        var rest = output
        while rest != 0 {
            let word = rest.trailingZeroBitCount
            rest &= rest - 1
            if history >> UInt64(lengths[word]) & 1 == 0 { accepted |= 1 << UInt32(word) }
        }
        return accepted
    }
}
