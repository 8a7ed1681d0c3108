import ArenaUI
import Foundation

/// A terminal scatter of rating (up) against cost per 1,000 prompts (right, log scale), with the
/// Pareto frontier — models no other model beats on both cost and rating — marked ★.
///
/// ```swift
/// CostQualityPlot(points: points, width: 80, height: 12).lines()   // no line wider than 80 columns
/// ```
///
/// `width` is the whole line, axis and legend included (at least 24 is used): the grid gets what
/// the 7-column axis leaves, long model names in the legend are cut, the notes are wrapped.
struct CostQualityPlot {
    struct Point { var label: String; var cost: Double; var rating: Double }

    let points: [Point]
    let width: Int
    let height: Int

    /// Columns left of the grid: `" 1000 ┤"`.
    static let axisWidth = 7

    /// Indices of points on the frontier: nobody is at least as cheap and strictly better, or cheaper and as good.
    var frontier: Set<Int> {
        Set(points.indices.filter { i in
            !points.indices.contains { j in
                j != i && points[j].cost <= points[i].cost && points[j].rating >= points[i].rating
                    && (points[j].cost < points[i].cost || points[j].rating > points[i].rating)
            }
        })
    }

    func lines() -> [String] {
        let total = max(width, 24)
        guard !points.isEmpty else { return TextTable.wrap("(no model has both a price and a rating to plot)", width: total) }
        let gridWidth = total - Self.axisWidth
        let height = max(self.height, 2)
        let costs = points.map { max($0.cost, 1e-6) }
        let low = log10(costs.min()!), high = log10(costs.max()!)
        let bottom = points.map(\.rating).min()!, top = points.map(\.rating).max()!
        var grid = Array(repeating: Array(repeating: Character(" "), count: gridWidth), count: height)
        let onFrontier = frontier
        for (index, point) in points.enumerated() {
            let x = high > low ? Int(((log10(max(point.cost, 1e-6)) - low) / (high - low) * Double(gridWidth - 3)).rounded()) : gridWidth / 2
            let y = top > bottom ? Int(((top - point.rating) / (top - bottom) * Double(height - 1)).rounded()) : height / 2
            let mark: Character = onFrontier.contains(index) ? "★" : "●"
            grid[y][x] = mark
            // A wide letter would push the line past the width: those points keep the mark alone.
            if x + 1 < gridWidth, let letter = point.label.first, DisplayWidth.of(letter) == 1 { grid[y][x + 1] = letter }
        }
        var lines: [String] = []
        for (row, cells) in grid.enumerated() {
            let axis = row == 0 ? String(format: "%5.0f ┤", top) : row == height - 1 ? String(format: "%5.0f ┤", bottom) : "      │"
            lines.append(axis + String(cells))
        }
        lines.append("      └" + String(repeating: "─", count: gridWidth))
        let indent = String(repeating: " ", count: Self.axisWidth)
        let left = String(format: "$%.3g", pow(10, low)), right = String(format: "$%.3g", pow(10, high))
        let scale = indent + left + String(repeating: " ", count: max(gridWidth - left.count - right.count, 1)) + right
        let caption = "  (cost per 1,000 prompts, log scale)"
        if TextTable.width(scale + caption) <= total {
            lines.append(scale + caption)
        } else {
            lines.append(scale)
            lines += TextTable.wrap(caption.trimmingCharacters(in: .whitespaces), width: gridWidth).map { indent + $0 }
        }
        for (index, point) in points.enumerated() {
            let mark = "\(onFrontier.contains(index) ? "★" : "●")\(point.label.first.map(String.init) ?? "?")  "
            let numbers = String(format: "  $%.4g / 1k prompts, rating %.0f", point.cost, point.rating)
            let room = gridWidth - TextTable.width(mark) - TextTable.width(numbers)
            if room >= 4 {
                lines.append(indent + mark + point.label.truncated(toWidth: room) + numbers)
            } else {
                lines.append(indent + mark + point.label.truncated(toWidth: gridWidth - TextTable.width(mark)))
                lines += TextTable.wrap(numbers.trimmingCharacters(in: .whitespaces), width: gridWidth - 4).map { indent + "    " + $0 }
            }
        }
        lines += TextTable.wrap("★ Pareto frontier: no other model is both cheaper and better", width: gridWidth).map { indent + $0 }
        return lines
    }
}
