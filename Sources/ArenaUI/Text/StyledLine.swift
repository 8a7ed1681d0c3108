/// One character ready to paint: the grapheme, its theme slot and its width in columns.
public struct Glyph: Sendable, Equatable {
    public var character: Character
    public var slot: ThemeSlot
    public var width: UInt8

    public init(_ character: Character, slot: ThemeSlot) {
        self.character = character
        self.slot = slot
        self.width = UInt8(DisplayWidth.of(character))
    }

    public init(_ character: Character, slot: ThemeSlot, width: Int) {
        self.character = character
        self.slot = slot
        self.width = UInt8(width)
    }
}

/// One screen row of wrapped, styled text (never wider than the width it was wrapped to).
public struct StyledLine: Sendable, Equatable {
    public var glyphs: [Glyph]

    public init(_ glyphs: [Glyph] = []) { self.glyphs = glyphs }

    /// A line of plain `text` in one slot (not wrapped: callers keep it short or clip it).
    public init(_ text: some StringProtocol, slot: ThemeSlot) {
        glyphs = text.compactMap { character in
            let glyph = Glyph(character, slot: slot)
            return glyph.width == 0 ? nil : glyph
        }
    }

    public var width: Int { glyphs.reduce(0) { $0 + Int($1.width) } }
    public var text: String { String(glyphs.map(\.character)) }

    /// Paints the line at (x, y), clipped to `clip`'s columns.
    public func paint(into grid: inout CellGrid, x: Int, y: Int, theme: Theme, clip: Rect) {
        var column = x
        for glyph in glyphs {
            if column >= clip.maxX { break }
            column += grid.put(glyph.character, x: column, y: y, style: theme[glyph.slot], clip: clip)
        }
    }
}
