/// Seeded mutations of byte strings for fuzzing: bit flips, insertions of bytes that matter to
/// the formats (line ends, `data:`, braces, quotes, invalid UTF-8), deletions, duplications,
/// truncations and splices with another seed input. Same seed, same inputs.
public struct InputMutator {
    private var generator: FuzzGenerator
    private let seeds: [[UInt8]]

    static let interesting: [[UInt8]] = [
        [0x0A], [0x0D], [0x0D, 0x0A], Array("\n\n".utf8), Array("data: ".utf8), Array("data:".utf8),
        Array("event: error\n".utf8), Array("[DONE]".utf8), Array(": ping\n".utf8), Array("{".utf8), Array("}".utf8),
        Array("\"".utf8), Array("\\".utf8), Array("null".utf8), Array("{\"error\":{\"message\":\"x\"}}".utf8),
        [0xFF], [0xFE], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF], [0x00],
        Array(":".utf8), Array("- ".utf8), Array("  ".utf8), Array("{{".utf8), Array("}}".utf8), Array("&a *a".utf8),
        Array("9999999999999999999999".utf8), Array("-1".utf8), Array("1e400".utf8),
    ]

    public init(seed: UInt64, seeds: [[UInt8]]) {
        generator = FuzzGenerator(seed: seed)
        self.seeds = seeds.isEmpty ? [[]] : seeds
    }

    /// The next input: a seed input with 1–8 stacked mutations.
    public mutating func next() -> [UInt8] {
        var bytes = seeds[generator.below(seeds.count)]
        for _ in 0..<(1 + generator.below(8)) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : generator.below(bytes.count + 1)
        switch generator.below(8) {
        case 0 where !bytes.isEmpty:
            let index = generator.below(bytes.count)
            bytes[index] ^= UInt8(1 << generator.below(8))
        case 1:
            bytes.insert(contentsOf: Self.interesting[generator.below(Self.interesting.count)], at: position)
        case 2 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + generator.below(16))
            if position < end { bytes.removeSubrange(position..<end) }
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + generator.below(64))
            if position < end { bytes.insert(contentsOf: Array(bytes[position..<end]), at: position) }
        case 4:
            bytes = Array(bytes.prefix(position))
        case 5:
            let other = seeds[generator.below(seeds.count)]
            let cut = other.isEmpty ? 0 : generator.below(other.count)
            bytes = Array(bytes.prefix(position)) + other.suffix(from: cut)
        case 6:
            bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
        default:
            if !bytes.isEmpty { bytes[generator.below(bytes.count)] = UInt8(truncatingIfNeeded: generator.next()) }
        }
    }

    /// Random chunk boundaries for feeding a streaming decoder.
    public mutating func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let size = 1 + generator.below(min(64, bytes.count - start))
            result.append(bytes[start..<(start + size)])
            start += size
        }
        return result
    }
}

/// SplitMix64, local to the fuzzer so its sequence never changes under it.
struct FuzzGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
