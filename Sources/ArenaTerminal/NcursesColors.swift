import ArenaUI
import CNcursesw

/// Colour pairs on demand: one ncurses pair per (foreground, background) seen, colours reduced to
/// what the terminal has (256, 16, 8, none).
struct NcursesColors {
    private var pairs: [Key: Int] = [:]
    private let colorCount: Int
    private let pairLimit: Int

    private struct Key: Hashable {
        var foreground: Int
        var background: Int
    }

    init(colorCount: Int = 0, pairLimit: Int = 0) {
        self.colorCount = colorCount
        self.pairLimit = pairLimit
    }

    /// The pair number for a style (0: the terminal's default colours).
    mutating func pair(for style: Style) -> Int {
        guard colorCount >= 8 else { return 0 }
        let key = Key(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < pairLimit else { return 0 }
        init_extended_pair(Int32(next), Int32(key.foreground), Int32(key.background))
        pairs[key] = next
        return next
    }

    /// -1 for default; the colour itself if the terminal has it; else the nearest of 16 or 8.
    func number(_ color: Color) -> Int {
        guard case .indexed(let index) = color else { return -1 }
        let value = Int(index)
        if value < colorCount { return value }
        let ansi = Self.nearestANSI(value)
        return colorCount >= 16 ? ansi : ansi % 8
    }

    /// The nearest of the 16 ANSI colours to an xterm-256 colour.
    static func nearestANSI(_ value: Int) -> Int {
        if value < 16 { return value }
        let (r, g, b): (Int, Int, Int)
        if value >= 232 {
            let level = 8 + (value - 232) * 10
            (r, g, b) = (level, level, level)
        } else {
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = value - 16
            (r, g, b) = (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        }
        let palette: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        var best = 0, bestDistance = Int.max
        for (index, colour) in palette.enumerated() {
            let distance = (colour.0 - r) * (colour.0 - r) + (colour.1 - g) * (colour.1 - g) + (colour.2 - b) * (colour.2 - b)
            if distance < bestDistance { best = index; bestDistance = distance }
        }
        return best
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = arena_attr_normal()
        if attributes.contains(.bold) { result |= arena_attr_bold() }
        if attributes.contains(.dim) { result |= arena_attr_dim() }
        if attributes.contains(.italic) { result |= arena_attr_italic() }
        if attributes.contains(.underline) { result |= arena_attr_underline() }
        if attributes.contains(.reverse) { result |= arena_attr_reverse() }
        return result
    }
}
