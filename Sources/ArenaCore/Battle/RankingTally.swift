/// How many stored verdicts have one `RankingShape`: a row of the store's ranking tallies, kept
/// in the same transaction as every write that changes a verdict's shape.
public struct RankingTally: Sendable, Hashable {
    public var shape: RankingShape
    public var verdicts: Int

    public init(shape: RankingShape, verdicts: Int) {
        self.shape = shape
        self.verdicts = verdicts
    }

    /// The tallies of `votes`, in order of first appearance.
    public static func of(_ votes: some Sequence<RankingVote>) -> [RankingTally] {
        var order: [RankingShape] = []
        var counts: [RankingShape: Int] = [:]
        for vote in votes {
            let shape = RankingShape(vote: vote)
            if counts[shape] == nil { order.append(shape) }
            counts[shape, default: 0] += 1
        }
        return order.map { RankingTally(shape: $0, verdicts: counts[$0]!) }
    }
}
