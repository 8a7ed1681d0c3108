import ArenaCore
import ArenaStore
import Foundation
import Testing

/// `rankingVotes` (one lean query) must say exactly what whole battles say, on both backends.
@Suite("Ranking votes, on SQLite and on PostgreSQL")
struct RankingVoteTests {
    static let texts = ["An answer.", "", "   ", "\u{3000}\n\t", "\u{85}\u{2028}", "\u{A0}", " x", "\u{200B}",
                        "\n\n# Heading\n- a list\n**bold**", "日本語の答え", "\u{2003}\u{2003}y"]

    static func model(_ name: String) -> ModelConfig {
        ModelConfig(name: name, baseURL: URL(string: "http://127.0.0.1:8080/v1")!, model: "id-\(name)")
    }

    /// Battles covering every rule ranking applies: kinds of verdicts, raters, blindness, leaks,
    /// imported battles, failed and empty seats, three seats, turns without a verdict, and equal
    /// verdict times (the order must still be fixed).
    static func variedBattles(count: Int) -> [StoredBattle] {
        var random = SeededGenerator(seed: 7)
        let names = ["alpha", "beta", "gamma", "delta"]
        let verdicts: [Verdict] = [.seat(0), .seat(1), .tie, .bothBad, .skip]
        return (0..<count).map { number in
            let seatCount = number % 7 == 0 ? 3 : 2
            let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(number / 3) * 60)
            var battle = Battle(createdAt: created, mode: number % 5 == 0 ? .imported : .screen, blind: number % 11 != 0,
                                systemPrompt: nil,
                                seats: (0..<seatCount).map { Seat(index: $0, model: model(names[($0 + number) % names.count])) })
            var records: [Int: VerdictRecord] = [:]
            for turnIndex in 0..<(number % 4 == 0 ? 2 : 1) {
                let answers = (0..<seatCount).map { seat in
                    let failed = random.next() % 9 == 0
                    return Answer(seatIndex: seat, text: texts[Int(random.next() % UInt64(texts.count))],
                                  finishReason: failed ? .error : (random.next() % 10 == 0 ? .cancelled : .stop),
                                  error: failed ? ProviderError(.serverError, "boom") : nil,
                                  metrics: AnswerMetrics(outputTokens: random.next() % 3 == 0 ? nil : Int(random.next() % 500)),
                                  served: number % 3 == 0 || (number % 3 == 2 && number % 2 == 1) ? nil
                                      : ServedModel(model: number % 3 == 1 ? "v\(number % 5)" : nil,
                                                    fingerprint: number % 2 == 0 ? "fp_\(seat)" : nil))
                }
                battle.turns.append(BattleTurn(index: turnIndex, prompt: "prompt \(number)", createdAt: created, answers: answers))
                guard number % 13 != 5 || turnIndex > 0 else { continue }  // some turns were never voted on
                let verdict = verdicts[Int(random.next() % UInt64(verdicts.count))]
                guard !(verdict == .seat(0) && answers[0].error != nil), !(verdict == .seat(1) && answers[1].error != nil) else { continue }
                records[turnIndex] = VerdictRecord(battleID: battle.id, turnIndex: turnIndex, verdict: verdict,
                                                   rater: ["ann", "bob", "cy"][number % 3],
                                                   createdAt: Date(timeIntervalSince1970: 1_700_100_000 + Double(number / 4)),
                                                   blind: number % 17 != 3)
            }
            return StoredBattle(battle: battle, verdicts: records, leakedWords: number % 6 == 1 ? ["OpenAI", "GPT"] : [])
        }
    }

    @Test(arguments: StoreKind.allCases) func theLeanQueryEqualsWholeBattles(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let battles = Self.variedBattles(count: 240)
        #expect(try store.importBattles(battles) == battles.count)
        let stored = try store.battles()
        // What each server said answered reads back as it was written (nil, model, fingerprint, both).
        func served(_ battles: [StoredBattle]) -> [UUID: [ServedModel?]] {
            Dictionary(uniqueKeysWithValues: battles.map { ($0.battle.id, $0.battle.turns.flatMap { $0.answers.map(\.served) }) })
        }
        #expect(served(stored) == served(battles))
        #expect(served(stored).values.joined().compactMap { $0?.model }.count > 50)
        for withText in [false, true] {
            let lean = try store.rankingVotes(withText: withText)
            let whole = RankingVote.votes(in: stored, withText: withText)
            #expect(lean.count == battles.reduce(0) { $0 + $1.verdicts.count })
            #expect(lean.count == whole.count)
            if lean != whole, let first = zip(lean, whole).first(where: { $0.0 != $0.1 }) {
                Issue.record("first difference: \(first.0) vs \(first.1)")
            }
        }
        #expect(RankingVote.whitespace.unicodeScalars.count >= 25)
        #expect(try store.leakedBattleWords() == battles.filter(\.isLeaked).map(\.leakedWords))
    }

    @Test func theWhitespaceListIsEveryWhitespaceScalarOfTheBasicPlane() {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0xFFFF {
            if let scalar = Unicode.Scalar(value), CharacterSet.whitespacesAndNewlines.contains(scalar) { scalars.append(scalar) }
        }
        #expect(Array(RankingVote.whitespace.unicodeScalars) == Array(scalars))
    }

    @Test(arguments: StoreKind.allCases) func whitespaceIsNotTextAndVotesComeInTimeOrder(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        let texts = ["  \u{3000}\u{2028}\n\u{85}", "\u{A0}\u{2003}x"]
        var battles: [StoredBattle] = []
        for (number, when) in [30.0, 10, 20, 10].enumerated() {
            var battle = Battle(createdAt: Date(timeIntervalSince1970: 1_700_000_000), mode: .ask, blind: true, systemPrompt: nil,
                                seats: [Seat(index: 0, model: Self.model("a")), Seat(index: 1, model: Self.model("b"))])
            battle.turns = [BattleTurn(index: 0, prompt: "p\(number)", createdAt: battle.createdAt, answers: texts.enumerated().map {
                Answer(seatIndex: $0.offset, text: $0.element, finishReason: .stop)
            })]
            battles.append(StoredBattle(battle: battle, verdicts: [0: VerdictRecord(
                battleID: battle.id, turnIndex: 0, verdict: .tie, rater: "ann",
                createdAt: Date(timeIntervalSince1970: 1_700_000_000 + when))], leakedWords: []))
        }
        _ = try store.importBattles(battles)
        let votes = try store.rankingVotes()
        #expect(votes.map(\.record.createdAt.timeIntervalSince1970) == [1_700_000_010, 1_700_000_010, 1_700_000_020, 1_700_000_030])
        let tied = votes.prefix(2).map(\.record.battleID.uuidString)
        #expect(tied == tied.sorted())
        for vote in votes {
            #expect(vote.contenders.map(\.hasText) == [false, true])
            #expect(vote.contenders.map(\.canWin) == [false, true])
            #expect(vote.contenders.allSatisfy { $0.text == nil })
        }
    }
}

extension RankingVoteTests {
    @Test(arguments: StoreKind.allCases) func aSuitesBattlesAreReadAloneAndWhole(_ kind: StoreKind) throws {
        let store = try kind.makeStore()
        var battles = Self.variedBattles(count: 30)
        for index in battles.indices where index % 3 != 0 {
            battles[index].battle.origin = BattleOrigin(suite: index % 3 == 1 ? "support" : "sales", promptID: "p\(index)",
                                                        repeatIndex: index % 2)
        }
        _ = try store.importBattles(battles)
        let all = try store.battles()
        for suite in ["support", "sales", "none"] {
            let expected = all.filter { $0.battle.origin?.suite == suite }
            #expect(try store.battles(suite: suite) == expected)
        }
        #expect(try store.battles(suite: "support").count == 10)
    }
}
