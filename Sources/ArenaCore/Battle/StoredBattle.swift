/// A stored battle with its verdicts, as read back for export, ranking and display.
public struct StoredBattle: Sendable, Equatable {
    public var battle: Battle
    /// Verdicts by turn index.
    public var verdicts: [Int: VerdictRecord]
    /// Identity words found when the battle was saved.
    public var leakedWords: [String]

    public var isLeaked: Bool { !leakedWords.isEmpty }

    public init(battle: Battle, verdicts: [Int: VerdictRecord], leakedWords: [String]) {
        self.battle = battle
        self.verdicts = verdicts
        self.leakedWords = leakedWords
    }
}

