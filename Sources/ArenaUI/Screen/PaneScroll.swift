/// Where a pane's view of its content is.
public struct PaneScroll: Sendable, Equatable {
    /// First visible row when not following.
    public var top = 0
    /// Stick to the bottom as text arrives (until the user scrolls up).
    public var follow = true
    /// Width and row count at the last layout: when the width changes, `top` keeps its place
    /// proportionally.
    var layoutWidth = 0
    var lastTotal = 0

    public init(top: Int = 0, follow: Bool = true) {
        self.top = top
        self.follow = follow
    }
}
