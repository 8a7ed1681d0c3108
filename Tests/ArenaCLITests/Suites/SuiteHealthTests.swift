@testable import ArenaCLI
import ArenaCore
import ArenaStore
import ArenaTestTraits
import Foundation
import Testing

/// `arena suites health` on seeded synthetic verdicts whose prompts are known to be
/// discriminating, saturated, broken, coin flips or barely judged — and the guarantee behind
/// "discriminating": coin-flip prompts are called so at most 2.5% of the time however often
/// one looks.
@Suite(.ownThread) struct SuiteHealthTests {
    static let strengths = ["m0": 1300.0, "m1": 1150, "m2": 1000, "m3": 850, "m4": 700]

    enum Kind { case follows, ties, bothBad, coin }

    static func battles(prompt: String, kind: Kind, count: Int, random: inout SeededGenerator, start: Int = 0) -> [StoredBattle] {
        let names = strengths.keys.sorted()
        return (0..<count).map { index in
            let pair = names.shuffled(using: &random).prefix(2)
            let (a, b) = (pair.first!, pair.last!)
            let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(start + index) * 60)
            var battle = Battle(createdAt: created, mode: .run, blind: true, systemPrompt: nil, seats: [a, b].enumerated().map {
                Seat(index: $0.offset, model: ModelConfig(name: $0.element, baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: $0.element))
            })
            battle.origin = BattleOrigin(suite: "s", promptID: prompt, repeatIndex: index)
            battle.turns = [BattleTurn(index: 0, prompt: prompt, createdAt: created,
                                       answers: [Answer(seatIndex: 0, text: "x", finishReason: .stop), Answer(seatIndex: 1, text: "y", finishReason: .stop)])]
            let roll = Double(random.next() % 10_000) / 10_000
            let verdict: Verdict
            switch kind {
            case .follows:
                let p = 1 / (1 + pow(10, (strengths[b]! - strengths[a]!) / 400))
                verdict = roll < 0.05 ? .tie : (Double(random.next() % 10_000) / 10_000 < p ? .seat(0) : .seat(1))
            case .ties: verdict = roll < 0.8 ? .tie : .seat(Int(random.next() % 2))
            case .bothBad: verdict = roll < 0.7 ? .bothBad : .seat(Int(random.next() % 2))
            case .coin: verdict = .seat(Int(random.next() % 2))
            }
            return StoredBattle(battle: battle, verdicts: [0: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict,
                                                                            rater: "ana", createdAt: created)],
                                leakedWords: [])
        }
    }

    static func marks(prompt: String, adequate: Bool) -> [AdequacyMark] {
        strengths.keys.sorted().map { model in
            AdequacyMark(key: RunAnswer.Key(suite: "s", promptID: prompt, repeatIndex: 0, model: model), rater: "ana",
                         adequate: adequate, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        }
    }

    @Test(arguments: 1...5)
    func knownPromptsGetTheirStatus(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        var battles: [StoredBattle] = []
        for (index, prompt) in ["hard1", "hard2", "hard3"].enumerated() {
            battles += Self.battles(prompt: prompt, kind: .follows, count: 100, random: &random, start: index * 100)
        }
        battles += Self.battles(prompt: "easy", kind: .ties, count: 40, random: &random, start: 400)
        battles += Self.battles(prompt: "impossible", kind: .bothBad, count: 30, random: &random, start: 500)
        battles += Self.battles(prompt: "rare", kind: .follows, count: 3, random: &random, start: 600)
        battles += Self.battles(prompt: "retired", kind: .follows, count: 10, random: &random, start: 700)
        battles += Self.battles(prompt: "coin", kind: .coin, count: 40, random: &random, start: 800)
        let marks = Self.marks(prompt: "easy", adequate: true) + Self.marks(prompt: "impossible", adequate: false)
        let health = SuiteHealth(suite: "s", promptIDs: ["hard1", "hard2", "hard3", "easy", "impossible", "rare", "unjudged", "coin"],
                                 battles: battles, marks: marks)
        let status = Dictionary(uniqueKeysWithValues: health.prompts.map { ($0.id, $0.status) })
        #expect(health.prompts.map(\.id) == ["hard1", "hard2", "hard3", "easy", "impossible", "rare", "unjudged", "coin", "retired"])
        #expect(status["coin"] == .noisy)
        for hard in ["hard1", "hard2", "hard3"] { #expect(status[hard] == .discriminating, "\(hard), seed \(seed)") }
        #expect(status["easy"] == .saturated)
        #expect(status["impossible"] == .broken)
        #expect(status["rare"] == .tooFew)
        #expect(status["unjudged"] == .tooFew)
        let easy = try #require(health.prompts.first { $0.id == "easy" })
        #expect(easy.adequateShare == 1 && (easy.decisiveShare ?? 1) < 0.5)
        let impossible = try #require(health.prompts.first { $0.id == "impossible" })
        #expect(impossible.adequateShare == 0)
        let hard = try #require(health.prompts.first { $0.id == "hard1" })
        #expect((hard.discrimination ?? 0) > 0.3 && hard.judgements == 100)

        // The JSON the issue asks for, every key present.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try SuiteHealthPrinter.json(health).utf8)) as? [String: Any])
        #expect(json["suite"] as? String == "s")
        let prompts = try #require(json["prompts"] as? [[String: Any]])
        for prompt in prompts {
            for key in ["id", "status", "adequate_share", "decisive_share", "discrimination", "judgements"] {
                #expect(prompt.keys.contains(key), "\(key)")
            }
        }
        #expect(prompts.first { $0["id"] as? String == "easy" }?["status"] as? String == "saturated")
    }

    /// Coin-flip verdicts against a fixed order, looked at after every judgement: the share of
    /// runs ever called discriminating stays under the 2.5% the interval promises (one side of 95%).
    @Test func coinFlipPromptsAreRarelyCalledDiscriminatingHoweverOftenYouLook() {
        var random = SeededGenerator(seed: 99)
        // Light here (arena-bench stats runs the full simulation, 3,000 looks per run).
        let runs = 80, horizon = 40
        var fooled = 0
        for _ in 0..<runs {
            var scores: [Double] = []
            for _ in 0..<horizon {
                scores.append(random.next() % 2 == 0 ? 1 : -1)
                if let estimate = SuiteHealth.discrimination(scores), estimate.interval.lowerBound > 0 {
                    fooled += 1
                    break
                }
            }
        }
        #expect(fooled <= 3, "fooled \(fooled) of \(runs)")
        // And it is not blind: a prompt that follows the order 80% of the time is found.
        var found = 0
        for _ in 0..<40 {
            let scores = (0..<60).map { _ in random.next() % 10 < 8 ? 1.0 : -1.0 }
            if let estimate = SuiteHealth.discrimination(scores), estimate.interval.lowerBound > 0 { found += 1 }
        }
        #expect(found >= 36, "found \(found) of 40")
    }
}
