/// A complete set of styles, one per `ThemeSlot`. Built-in themes live in `themes/*.yaml`;
/// `ThemeLoader` parses them and user themes.
///
/// ```swift
/// let theme = try ThemeLoader.builtin(named: "dark")
/// grid.write("A", x: 0, y: 0, style: theme[.paneTitle])
/// ```
public struct Theme: Sendable, Equatable {
    public var name: String
    private var styles: [Style]

    /// A theme with `styles` for the slots given and `fallback` for the rest.
    public init(name: String, styles: [ThemeSlot: Style], fallback: Theme? = nil) {
        self.name = name
        self.styles = ThemeSlot.allCases.map { slot in
            styles[slot] ?? fallback?[slot] ?? Style.plain
        }
    }

    public subscript(slot: ThemeSlot) -> Style {
        get { styles[Int(slot.rawValue)] }
        set { styles[Int(slot.rawValue)] = newValue }
    }

    /// The same theme with every colour removed (attributes kept), for `NO_COLOR`.
    public var withoutColor: Theme {
        var copy = self
        copy.styles = styles.map(\.withoutColor)
        return copy
    }

    /// A theme of attributes only, used by tests and as the last-resort fallback.
    public static let plain = Theme(name: "plain", styles: [
        .heading: Style(attributes: [.bold]),
        .bold: Style(attributes: [.bold]),
        .italic: Style(attributes: [.italic]),
        .reasoning: Style(attributes: [.dim]),
        .paneBorderFocused: Style(attributes: [.bold]),
        .paneTitleFocused: Style(attributes: [.bold, .reverse]),
        .statusLine: Style(attributes: [.reverse]),
        .statusAccent: Style(attributes: [.reverse, .bold]),
        .cursor: Style(attributes: [.reverse]),
    ])
}
