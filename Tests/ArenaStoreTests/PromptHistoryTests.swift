import ArenaCore
import ArenaStore
import Foundation
import Testing

/// The screen's Up/Down history: distinct prompts, the most recently used last, read from the
/// newest turns only (an index), so opening the screen costs the same whatever the store holds.
@Suite("Prompt history, on SQLite and on PostgreSQL")
struct PromptHistoryTests {
    static func battle(prompt: String, at seconds: Double) -> Battle {
        var battle = BattleStoreTests.battle()
        battle.createdAt = Date(timeIntervalSince1970: seconds)
        battle.turns[0].prompt = prompt
        battle.turns[0].createdAt = battle.createdAt
        return battle
    }

    @Test(arguments: StoreKind.allCases) func distinctPromptsMostRecentlyUsedLast(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        #expect(try store.recentPrompts() == [])
        // Saved out of time order: the history follows the turns' times, not the order of saving.
        let used = [("alpha", 10.0), ("gamma", 30), ("beta", 20), ("alpha", 40), ("delta", 50), ("beta", 60)]
        for (prompt, seconds) in used { try store.save(battle: Self.battle(prompt: prompt, at: seconds), turn: 0) }
        #expect(try store.recentPrompts() == ["gamma", "alpha", "delta", "beta"])
        #expect(try store.recentPrompts(limit: 2) == ["delta", "beta"])
    }

    /// Only the newest `limit × 25` turns are looked at: one prompt repeated that often hides
    /// older ones, which is the price of a history read that does not grow with the store.
    @Test(arguments: StoreKind.allCases) func looksBackOverTheNewestTurnsOnly(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        try store.save(battle: Self.battle(prompt: "old", at: 1), turn: 0)
        for index in 0..<25 { try store.save(battle: Self.battle(prompt: "again", at: 100 + Double(index)), turn: 0) }
        #expect(try store.recentPrompts(limit: 1) == ["again"])
        #expect(try store.recentPrompts(limit: 2) == ["old", "again"])   // 50 turns back reaches it
    }
}
