/// How to move a pane's view.
enum ScrollMove {
    case lineUp, lineDown, pageUp, pageDown, top, bottom
    case lines(Int)
}

extension ScreenState {
    mutating func scrollFocused(_ move: ScrollMove) {
        scroll(seat: focusedSeat, move)
    }

    mutating func scroll(seat: Int, _ move: ScrollMove) {
        guard seat < scroll.count else { return }
        prepareLayout()
        let area = PaneWidget.scrollArea(state: self, seat: seat)
        let height = area.height
        let total = PaneContent.build(state: self, seat: seat, width: area.width).count
        let maxTop = max(0, total - height)
        var view = scroll[seat]
        let top = view.follow ? maxTop : min(view.top, maxTop)
        let page = max(1, height - 1)
        var target: Int
        switch move {
        case .lineUp: target = top - 1
        case .lineDown: target = top + 1
        case .pageUp: target = top - page
        case .pageDown: target = top + page
        case .top: target = 0
        case .bottom: target = maxTop
        case .lines(let count): target = top + count
        }
        target = min(max(0, target), maxTop)
        view.top = target
        view.follow = target >= maxTop
        scroll[seat] = view
    }

    /// The first visible row of a pane with `total` rows in `height` rows.
    public func visibleTop(seat: Int, total: Int, height: Int) -> Int {
        let maxTop = max(0, total - height)
        guard seat < scroll.count else { return maxTop }
        return scroll[seat].follow ? maxTop : min(scroll[seat].top, maxTop)
    }
}
