import ArenaCore
import ArenaStore
import Foundation

/// `arena-bench store-writes --store LOCATION [--count N]`: what one judge's session writes,
/// as fast as it goes: each battle (two seats, one turn, two short answers) in its own
/// transaction, then its verdict in another — the screen's two writes per vote. Reports verdicts
/// per second (each with its battle) against a SQLite file or a postgres:// URL.
enum StoreWriteBenchmark {
    static let usage = "--store PATH|URL [--count N]\n\n"

    static func run(_ arguments: [String]) -> Int32 {
        var location: String?, count = 2_000
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--store": location = value
            case "--count": count = Int(value) ?? count
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        guard let location else {
            FileHandle.standardError.write(Data("store-writes needs --store\n".utf8))
            return 2
        }
        do {
            let store = try BattleStore(location: location)
            let models = ["alpha", "beta"].map { ModelConfig(name: $0, baseURL: URL(string: "http://127.0.0.1:8080/v1")!, model: $0) }
            let start = ContinuousClock.now
            for number in 0..<count {
                var battle = Battle(createdAt: Date(), mode: .screen, blind: true, systemPrompt: nil,
                                    seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
                battle.turns = [BattleTurn(index: 0, prompt: "Benchmark prompt \(number)", createdAt: Date(), answers: [
                    Answer(seatIndex: 0, text: "First answer, a sentence or two long.", finishReason: .stop,
                           metrics: AnswerMetrics(ttftMs: 100, durationMs: 900, outputTokens: 12, tokensEstimated: false)),
                    Answer(seatIndex: 1, text: "Second answer, also short.", finishReason: .stop,
                           metrics: AnswerMetrics(ttftMs: 120, durationMs: 800, outputTokens: 9, tokensEstimated: false)),
                ])]
                try store.save(battle: battle, turn: 0)
                try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: .seat(number % 2),
                                                      rater: "bench", createdAt: Date()))
            }
            let seconds = IngestBenchmark.seconds(ContinuousClock.now - start)
            print(String(format: "%@: %d verdicts (each with its battle) in %.2f s: %.0f verdicts/s, %.2f ms per vote",
                         store.path, count, seconds, Double(count) / seconds, seconds / Double(count) * 1000))
            return 0
        } catch {
            FileHandle.standardError.write(Data("arena-bench store-writes: \(error)\n".utf8))
            return 1
        }
    }
}
