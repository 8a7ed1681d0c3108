@testable import ArenaCLI
import ArenaTestTraits
import ArenaCore
import ArenaUI
import Foundation
import Testing

/// `arena leaderboard` and `arena recommend --plot` on a terminal: nothing wraps, at any width.
@Suite("Plots fit the terminal", .ownThread)
struct PlotWidthTests {
    /// Seeded votes between models with long, short, wide (CJK) names and an undefeated one (†).
    static func printer() throws -> LeaderboardPrinter {
        var generator = SeededGenerator(seed: 3)
        let models = ["a-rather-long-model-name-from-a-vendor", "small", "模型-中文名", "undefeated", "mid-size-7b"]
        let strength = [1100.0, 900, 1000, 1500, 950]
        var votes: [RankingVote] = []
        for index in 0..<900 {
            let a = Int.random(in: 0..<models.count, using: &generator)
            var b = Int.random(in: 0..<models.count - 1, using: &generator)
            if b >= a { b += 1 }
            let p = 1 / (1 + pow(10, (strength[b] - strength[a]) / 400))
            var winner = Double.random(in: 0..<1, using: &generator) < p ? 0 : 1
            if models[b] == "undefeated" { winner = 1 } else if models[a] == "undefeated" { winner = 0 }
            let contenders = [a, b].enumerated().map { seat, model in
                RankingVote.Contender(seatIndex: seat, model: models[model], failed: false, finishReason: .stop, hasText: true,
                                      outputTokens: nil, text: nil)
            }
            let record = VerdictRecord(battleID: UUID(), turnIndex: 0, verdict: .seat(winner), rater: "r",
                                       createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
            votes.append(RankingVote(record: record, battleBlind: true, mode: .ask, leaked: index % 97 == 0, contenders: contenders))
        }
        let data = RankingData(votes: votes, filter: .init())
        let computation = try LeaderboardComputation(data: data, options: .init(rounds: 50, seed: 1))
        return LeaderboardPrinter(data: data, computation: computation, style: Style(enabled: true))
    }

    static func widest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TextTable.width(String($0)) }.max() ?? 0
    }

    @Test func leaderboardNeverWiderThanTheTerminal() async throws {
        // Rendered on a thread of its own, off the pool other suites' test servers run on.
        let tooWide = await onOwnThread { () -> [String] in
            guard let printer = try? Self.printer() else { return ["the leaderboard could not be fitted"] }
            return (40...220).compactMap { width -> String? in
                let text = printer.table(width: width)
                return Self.widest(text) <= width ? nil : "at \(width) columns:\n\(text)"
            }
        }
        #expect(tooWide.isEmpty, "\(tooWide.first ?? "")")
    }

    @Test func leaderboardDrawsThePlotWhereThereIsRoomAndKeepsEveryModel() throws {
        let printer = try Self.printer()
        for width in [100, 140, 200] {
            let text = printer.table(width: width)
            #expect(text.contains("●"), "no whisker plot at \(width) columns")
            #expect(Self.widest(text) <= width)
        }
        let narrow = printer.table(width: 40)
        #expect(narrow.split(separator: "\n").filter { $0.contains(" – ") }.count == 5)  // every model keeps its row
        #expect(narrow.contains("undefeated †"))
    }

    @Test func costQualityPlotNeverWiderThanItsWidth() async {
        let tooWide = await onOwnThread { () -> [String] in
            let points = [
                CostQualityPlot.Point(label: "a-rather-long-model-name-from-a-vendor-with-a-suffix", cost: 0.02, rating: 1100),
                CostQualityPlot.Point(label: "模型-中文名", cost: 0.5, rating: 1010),
                CostQualityPlot.Point(label: "big", cost: 12.5, rating: 1200),
                CostQualityPlot.Point(label: "mid", cost: 1.25, rating: 990),
            ]
            return (24...220).compactMap { width -> String? in
                let lines = CostQualityPlot(points: points, width: width, height: 12).lines()
                let fits = (lines.map(TextTable.width).max() ?? 0) <= width && lines.contains { $0.contains("★") }
                return fits ? nil : "at \(width) columns:\n\(lines.joined(separator: "\n"))"
            }
        }
        #expect(tooWide.isEmpty, "\(tooWide.first ?? "")")
        let empty = CostQualityPlot(points: [], width: 30, height: 12).lines()
        #expect(empty.allSatisfy { TextTable.width($0) <= 30 })
    }
}
