@testable import ArenaRanking

/// The small hand-made data sets shared with scripts/ranking-reference.py (same names, same order).
enum Fixtures {
    /// Three models, every pair met, with ties and both-bad.
    static let caseA: [Comparison] = [
        .init(a: 0, b: 1, outcome: .winA), .init(a: 0, b: 1, outcome: .winA), .init(a: 1, b: 0, outcome: .winB),
        .init(a: 1, b: 0, outcome: .winA), .init(a: 0, b: 1, outcome: .tie),
        .init(a: 1, b: 2, outcome: .winA), .init(a: 2, b: 1, outcome: .winB), .init(a: 2, b: 1, outcome: .winA),
        .init(a: 1, b: 2, outcome: .bothBad),
        .init(a: 0, b: 2, outcome: .winA), .init(a: 2, b: 0, outcome: .winB), .init(a: 0, b: 2, outcome: .winB),
        .init(a: 2, b: 0, outcome: .tie),
    ]

    /// Model 0 never lost.
    static let caseB: [Comparison] = [
        .init(a: 0, b: 1, outcome: .winA), .init(a: 1, b: 0, outcome: .winB), .init(a: 2, b: 0, outcome: .winB),
        .init(a: 1, b: 2, outcome: .winA), .init(a: 2, b: 1, outcome: .winB), .init(a: 1, b: 2, outcome: .winB),
        .init(a: 2, b: 1, outcome: .tie),
    ]

    /// Style control: (a, b, outcome, style A, style B) with style = tokens, headers, lists, bold.
    static let caseS: [StyledComparison] = [
        styled(0, 1, .winA, (420, 3, 6, 4), (150, 0, 0, 0)),
        styled(1, 0, .winB, (200, 0, 2, 0), (380, 2, 5, 3)),
        styled(0, 2, .winA, (500, 4, 8, 6), (260, 1, 2, 1)),
        styled(2, 0, .winA, (300, 1, 3, 2), (310, 1, 3, 2)),
        styled(1, 2, .winB, (120, 0, 0, 0), (280, 2, 4, 1)),
        styled(2, 1, .tie, (250, 1, 1, 0), (240, 0, 1, 0)),
        styled(0, 1, .winB, (100, 0, 0, 0), (90, 0, 0, 0)),
        styled(2, 1, .winA, (600, 5, 9, 7), (200, 0, 1, 0)),
        styled(1, 0, .bothBad, (180, 0, 0, 1), (420, 2, 3, 2)),
        styled(0, 2, .winB, (260, 0, 1, 0), (520, 3, 7, 5)),
    ]

    static func styled(_ a: Int, _ b: Int, _ outcome: PairOutcome,
                       _ sa: (Int, Int, Int, Int), _ sb: (Int, Int, Int, Int)) -> StyledComparison {
        StyledComparison(Comparison(a: a, b: b, outcome: outcome),
                         styleA: StyleFeatures(tokens: sa.0, headers: sa.1, listItems: sa.2, boldSpans: sa.3),
                         styleB: StyleFeatures(tokens: sb.0, headers: sb.1, listItems: sb.2, boldSpans: sb.3))
    }

    static func counts(_ comparisons: [Comparison], models: Int = 3) throws -> ComparisonCounts {
        try ComparisonCounts(modelCount: models, comparisons: comparisons)
    }

    /// `count` copies of one verdict.
    static func repeated(_ a: Int, _ b: Int, _ outcome: PairOutcome, _ count: Int) -> [Comparison] {
        Array(repeating: Comparison(a: a, b: b, outcome: outcome), count: count)
    }

    static func maxDifference(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count)
        return zip(x, y).map { abs($0 - $1) }.max() ?? 0
    }
}
