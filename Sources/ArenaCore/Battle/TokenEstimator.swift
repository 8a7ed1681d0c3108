/// Estimates token counts when a server reports none (llama.cpp ignores `include_usage`).
///
/// A documented heuristic, not a tokenizer: about four characters per token for text in Latin
/// and similar scripts, one token per CJK character, at least one token for non-empty text.
/// Counts made this way are always marked estimated wherever they are shown or stored.
public enum TokenEstimator {
    public static func estimate(_ text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        var ideographic = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { ideographic += 1 } else { other += 1 }
        }
        return max(1, ideographic + (other + 3) / 4)
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0x20000...0x2FA1F: return true
        default: return false
        }
    }
}
