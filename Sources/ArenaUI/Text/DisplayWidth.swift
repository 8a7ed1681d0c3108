/// How many terminal columns text takes, from a built-in Unicode table (no libc, no locale), so
/// layout and tests give the same answer everywhere.
///
/// ```swift
/// DisplayWidth.of("漢")        // 2
/// DisplayWidth.of("e\u{301}")  // 1 (combining accent takes none)
/// DisplayWidth.of("👩‍💻")        // 2
/// ```
///
/// Traps: control characters measure 0 here; callers sanitise them (the wrapper expands tabs and
/// drops the rest). A grapheme that starts with a zero-width scalar (a lone combining mark) is 0.
/// Terminals disagree on emoji ZWJ sequences and flags; the ncurses backend pads or substitutes
/// so that its columns always match these numbers.
public enum DisplayWidth {
    /// Columns of one scalar: 0, 1 or 2.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        return tableWidth(value)
    }

    @usableFromInline
    static func tableWidth(_ value: UInt32) -> Int {
        if contains(zeroRanges, value) { return 0 }
        if contains(wideRanges, value) { return 2 }
        return 1
    }

    /// Columns of one grapheme cluster: its first scalar's width, or 2 for emoji presentation
    /// (U+FE0F) and flag pairs.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if scalars.count == 1 || base == 0 { return base }
        if base == 2 { return 2 }
        for scalar in scalars.dropFirst() where scalar.value == 0xFE0F { return 2 }
        if isRegionalIndicator(first), scalars.count >= 2 { return 2 }
        return base
    }

    /// Columns of a whole string, summed per grapheme cluster.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    /// Cuts this string to at most `width` columns, ending with `…` when anything was cut.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(self) <= width { return self }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}
