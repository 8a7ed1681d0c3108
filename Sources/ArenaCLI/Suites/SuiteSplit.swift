import ArenaCore
import ArenaStore
import ArgumentParser

extension PromptSplit: ExpressibleByArgument {}

/// `--split dev|test`: a suite's commands on one half of its prompts. What was stored for the
/// other half (answers, marks, judged battles) is left out with the prompts.
struct SuiteSplitSelection {
    let suite: PromptSuite
    let promptIDs: Set<String>

    /// Throws when the suite marks no prompt with `split`.
    init(_ suite: PromptSuite, split: PromptSplit?) throws {
        let chosen = suite.only(split)
        if let split, chosen.prompts.isEmpty {
            throw CLIFailure.badInput("--split \(split.rawValue): \(suite.name) marks no prompt `split: \(split.rawValue)` (\(suite.source))")
        }
        self.suite = chosen
        promptIDs = Set(chosen.prompts.map(\.id))
    }

    func answers(_ all: [RunAnswer]) -> [RunAnswer] { all.filter { promptIDs.contains($0.key.promptID) } }
    func marks(_ all: [AdequacyMark]) -> [AdequacyMark] { all.filter { promptIDs.contains($0.key.promptID) } }
    func battles(_ all: [StoredBattle]) -> [StoredBattle] {
        all.filter { $0.battle.origin.map { promptIDs.contains($0.promptID) } ?? false }
    }
}
