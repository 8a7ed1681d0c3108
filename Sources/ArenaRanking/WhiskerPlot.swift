/// Text whisker plot of leaderboard intervals, one line per row on a shared axis:
///
/// ```swift
/// let plot = WhiskerPlot(rows: rows, width: 13)   // intervals 1080…1120, 1000…1040, 1000…1000
/// plot.axis    // 1000...1120: lowest lower bound … highest upper bound
/// plot.lines   // ["        ├─●─┤",
///              //  "├─●─┤        ",
///              //  "●            "]
/// ```
///
/// `●` marks the rating, `├`/`┤` the interval ends, `─` the span; a point estimate outside its
/// interval (possible with a skewed bootstrap) is still drawn. Traps: every line is exactly
/// `width` characters (trailing spaces kept) so columns line up; `width` below 3 is raised to 3.
public struct WhiskerPlot: Sendable, Equatable {
    public let axis: ClosedRange<Double>
    public let lines: [String]

    public init(rows: [LeaderboardRow], width: Int) {
        let width = max(width, 3)
        let low = rows.map(\.interval.lowerBound).min() ?? 0
        let high = rows.map(\.interval.upperBound).max() ?? 0
        axis = low...max(low, high)
        func column(_ value: Double) -> Int {
            guard high > low else { return width / 2 }
            let position = ((value - low) / (high - low) * Double(width - 1)).rounded()
            return min(max(Int(position), 0), width - 1)
        }
        lines = rows.map { row in
            var cells = Array(repeating: Character(" "), count: width)
            let from = column(row.interval.lowerBound), to = column(row.interval.upperBound)
            if to > from {
                for c in from...to { cells[c] = "─" }
                cells[from] = "├"
                cells[to] = "┤"
            }
            cells[column(row.rating)] = "●"
            return String(cells)
        }
    }
}
