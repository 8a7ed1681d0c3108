import ArenaRanking
import Foundation

/// `arena leaderboard --trend`: each model's Bradley–Terry rating at the end of each of the last
/// weeks, fitted on every counted verdict up to then, as a small bar per week. A model whose
/// vendor changed it behind its name shows as a step; a model still settling, as a slope.
///
/// ```text
/// Weekly trend (rating at the end of each week, every verdict up to then; oldest → newest):
///   gpt-mini   ▁▂▄▆▇██   961 → 1042
/// ```
struct LeaderboardTrend {
    struct Line: Equatable {
        var model: String
        /// One per week end, oldest first; nil before the model had any comparison.
        var ratings: [Double?]
    }

    let weekEnds: [Date]
    let lines: [Line]

    init(data: RankingData, anchor: (model: String, rating: Double)? = nil, weeks: Int = 8, calendar: Calendar = .current) {
        guard let last = data.dates.max(),
              let week = calendar.dateInterval(of: .weekOfYear, for: last) else {
            weekEnds = []
            lines = []
            return
        }
        let first = data.dates.min() ?? last
        var ends: [Date] = []
        var end = week.end
        while ends.count < weeks, end > first {
            ends.insert(end, at: 0)
            guard let earlier = calendar.date(byAdding: .weekOfYear, value: -1, to: end) else { break }
            end = earlier
        }
        weekEnds = ends
        var columns: [[Double?]] = []
        for end in ends {
            let upTo = zip(data.comparisons, data.dates).filter { $0.1 < end }.map(\.0)
            var options = FitOptions()
            if let anchor, let index = data.models.firstIndex(of: anchor.model) { options.anchor = .model(index, rating: anchor.rating) }
            guard let counts = try? ComparisonCounts(modelCount: data.models.count, comparisons: upTo),
                  let fit = try? BradleyTerry.fit(counts, options: options) else {
                columns.append(Array(repeating: nil, count: data.models.count))
                continue
            }
            let played = Set(upTo.flatMap { [$0.a, $0.b] })
            columns.append(data.models.indices.map { played.contains($0) ? fit.ratings[$0] : nil })
        }
        var unsorted: [Line] = []
        for model in data.models.indices {
            unsorted.append(Line(model: data.models[model], ratings: columns.map { column in column[model] }))
        }
        func latest(_ line: Line) -> Double { line.ratings.compactMap { $0 }.last ?? -Double.infinity }
        lines = unsorted.sorted { latest($0) > latest($1) }
    }

    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func text() -> String {
        guard !weekEnds.isEmpty else { return "Weekly trend: no dated verdicts." }
        let known = lines.flatMap { $0.ratings.compactMap { $0 } }
        let low = known.min() ?? 0, high = known.max() ?? 0
        let width = lines.map(\.model.count).max() ?? 0
        var out = ["Weekly trend (rating at the end of each of the last \(weekEnds.count) week\(weekEnds.count == 1 ? "" : "s"), "
                   + "every verdict up to then; oldest → newest):"]
        for line in lines {
            let cells = line.ratings.map { rating -> String in
                guard let rating else { return "·" }
                let step = high > low ? Int(((rating - low) / (high - low) * Double(Self.bars.count - 1)).rounded()) : 0
                return String(Self.bars[step])
            }.joined()
            let values = line.ratings.compactMap { $0 }
            let range = values.first.map { first in
                values.count == 1 ? String(format: "%5.0f", first) : String(format: "%5.0f → %.0f", first, values.last ?? first)
            } ?? ""
            out.append("  " + line.model.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + cells + "  " + range)
        }
        return out.joined(separator: "\n")
    }
}
