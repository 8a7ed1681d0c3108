import ArenaCore
import ArenaUI
import Foundation

extension BattleSetup {
    /// A battle whose seats are these model names, in this order, with an id derived from `id`:
    /// for the model check, the benchmarks and tests, where a fake environment plays the models
    /// (the screen never contacts a seat itself).
    public static func named(_ names: [String], id: String, caption: String? = nil, notes: String? = nil,
                             hiddenWords: [String] = [], storedTurn: BattleTurn? = nil) -> BattleSetup {
        let seats = names.enumerated().map { index, name in
            Seat(index: index, model: ModelConfig(name: name, baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: name))
        }
        let battle = Battle(id: StableID.uuid(from: id), createdAt: Date(timeIntervalSince1970: 0), mode: .screen,
                            blind: true, systemPrompt: nil, seats: seats)
        return BattleSetup(battle: battle, caption: caption, notes: notes, hiddenWords: hiddenWords, storedTurn: storedTurn)
    }
}

extension BattleTurn {
    /// A complete first turn with these answers (`stop`, no metrics), one per seat in order.
    public static func answered(_ prompt: String, texts: [String], reasonings: [String]? = nil) -> BattleTurn {
        BattleTurn(index: 0, prompt: prompt, createdAt: Date(timeIntervalSince1970: 0), answers: texts.enumerated().map { seat, text in
            Answer(seatIndex: seat, text: text, reasoning: reasonings?[seat] ?? "", finishReason: .stop)
        })
    }
}
