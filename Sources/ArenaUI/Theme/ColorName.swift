/// Colour names and numbers as theme files write them.
enum ColorName {
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, a name, `bright-`name, `gray`/`grey`, 0–255, or `#rrggbb`.
    static func parse(_ text: String) -> Color? {
        if text == "default" || text == "none" { return .default }
        if let index = names.firstIndex(of: text) { return .indexed(UInt8(index)) }
        if text.hasPrefix("bright-"), let index = names.firstIndex(of: String(text.dropFirst(7))) {
            return .indexed(UInt8(index + 8))
        }
        if text == "gray" || text == "grey" { return .indexed(8) }
        if let number = Int(text), (0...255).contains(number) { return .indexed(UInt8(number)) }
        if text.hasPrefix("#"), text.count == 7, let rgb = Int(text.dropFirst(), radix: 16) {
            return .indexed(nearest256(red: (rgb >> 16) & 0xFF, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF))
        }
        return nil
    }

    /// The closest xterm-256 colour (6×6×6 cube or grey ramp) to an RGB value.
    static func nearest256(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ value: Int) -> Int {
            var best = 0
            for (index, level) in levels.enumerated() where abs(level - value) < abs(levels[best] - value) { best = index }
            return best
        }
        let r = cubeIndex(red), g = cubeIndex(green), b = cubeIndex(blue)
        let cubeDistance = sq(levels[r] - red) + sq(levels[g] - green) + sq(levels[b] - blue)
        let average = (red + green + blue) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let grey = 8 + greyStep * 10
        let greyDistance = sq(grey - red) + sq(grey - green) + sq(grey - blue)
        if greyDistance < cubeDistance { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }

    private static func sq(_ value: Int) -> Int { value * value }
}
