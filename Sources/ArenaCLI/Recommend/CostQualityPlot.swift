import Foundation

/// A terminal scatter of rating (up) against cost per 1,000 prompts (right, log scale), with the
/// Pareto frontier — models no other model beats on both cost and rating — marked ★.
struct CostQualityPlot {
    struct Point { var label: String; var cost: Double; var rating: Double }

    let points: [Point]
    let width: Int
    let height: Int

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
        guard !points.isEmpty else { return ["(no model has both a price and a rating to plot)"] }
        let costs = points.map { max($0.cost, 1e-6) }
        let low = log10(costs.min()!), high = log10(costs.max()!)
        let bottom = points.map(\.rating).min()!, top = points.map(\.rating).max()!
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        let onFrontier = frontier
        for (index, point) in points.enumerated() {
            let x = high > low ? Int(((log10(max(point.cost, 1e-6)) - low) / (high - low) * Double(width - 3)).rounded()) : width / 2
            let y = top > bottom ? Int(((top - point.rating) / (top - bottom) * Double(height - 1)).rounded()) : height / 2
            let mark: Character = onFrontier.contains(index) ? "★" : "●"
            grid[y][x] = mark
            if x + 1 < width, let letter = point.label.first { grid[y][x + 1] = letter }
        }
        var lines: [String] = []
        for (row, cells) in grid.enumerated() {
            let axis = row == 0 ? String(format: "%5.0f ┤", top) : row == height - 1 ? String(format: "%5.0f ┤", bottom) : "      │"
            lines.append(axis + String(cells))
        }
        lines.append("      └" + String(repeating: "─", count: width))
        let left = String(format: "$%.3g", pow(10, low)), right = String(format: "$%.3g", pow(10, high))
        lines.append("       " + left + String(repeating: " ", count: max(width - left.count - right.count, 1)) + right
                     + "  (cost per 1,000 prompts, log scale)")
        for (index, point) in points.enumerated() {
            lines.append("       \(onFrontier.contains(index) ? "★" : "●")\(point.label.first.map(String.init) ?? "?")  \(point.label)"
                         + String(format: "  $%.4g / 1k prompts, rating %.0f", point.cost, point.rating))
        }
        lines.append("       ★ Pareto frontier: no other model is both cheaper and better")
        return lines
    }
}
