/// A titled box of text lines over the panes (the leaderboard). Any key closes it.
public struct TextOverlay: Sendable, Equatable {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}

/// Paints a `TextOverlay` centred, as wide as its longest line allows, clipped to the screen.
public enum TextOverlayWidget {
    static let footer = "any key closes"

    public static func paint(into grid: inout CellGrid, bounds: Rect, overlay: TextOverlay, theme: Theme) {
        let widest = overlay.lines.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(bounds.width, max(widest, DisplayWidth.of(overlay.title) + 4, DisplayWidth.of(footer)) + 4)
        let height = min(bounds.height, overlay.lines.count + 4)
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2,
                       width: width, height: height)
        grid.fill(box, style: theme[.helpText])
        PaneWidget.light.draw(into: &grid, rect: box, style: theme[.helpBorder])
        grid.write(" \(overlay.title) ", x: box.x + 2, y: box.y, style: theme[.helpKey], clip: box.inset(by: 1).union(row: box.y))
        let inner = box.inset(by: 1)
        for (index, line) in overlay.lines.enumerated() where index < inner.height - 1 {
            grid.write(line, x: inner.x + 1, y: inner.y + index, style: theme[.helpText], clip: inner)
        }
        if inner.height > 1 {
            grid.write(footer, x: inner.x + 1, y: inner.maxY - 1, style: theme[.helpBorder], clip: inner)
        }
    }
}
