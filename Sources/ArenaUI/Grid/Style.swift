/// A terminal colour as a theme names it. Painted cells carry these; the terminal backend maps them
/// to what the terminal can show (256 colours, 16, 8 or none).
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 256 xterm colours; 0–15 are the terminal's ANSI palette.
    case indexed(UInt8)

    public static let black = Color.indexed(0), red = Color.indexed(1), green = Color.indexed(2)
    public static let yellow = Color.indexed(3), blue = Color.indexed(4), magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6), white = Color.indexed(7)
}

/// Text attributes as a bit set.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How one cell looks: colours plus attributes. Themes give one per `ThemeSlot`.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with `other`'s attributes added and its non-default colours on top.
    public func layered(with other: Style) -> Style {
        Style(foreground: other.foreground == .default ? foreground : other.foreground,
              background: other.background == .default ? background : other.background,
              attributes: attributes.union(other.attributes))
    }

    /// The same attributes without any colour (for `NO_COLOR`).
    public var withoutColor: Style { Style(attributes: attributes) }
}
