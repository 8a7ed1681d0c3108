import ArenaCore
import ArenaProviders
import Foundation

/// `arena-bench ttft`: how close arena's time to first token is to the truth. The bench server
/// (its own process) sends the status line and the role chunk at once, then holds the first
/// token for a known delay; the error is arena's measured TTFT minus that delay, so it holds the
/// request's own round trip on loopback plus arena's measurement error.
enum TTFTBenchmark {
    static let usage = """
    [--delays 0,50,250,1000] [--runs 20]

    """

    static func run(_ arguments: [String]) async -> Int32 {
        var delays = [0, 50, 250, 1000], runs = 20
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--delays": delays = value.split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = Int(value) ?? runs
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        do {
            let (server, port) = try BenchServer.spawn()
            defer { server.terminate() }
            let client = ModelClient()
            print("arena TTFT accuracy: known server-side delay vs arena's measured time to first token, \(runs) runs each")
            for delay in delays {
                let model = ModelConfig(name: "ttft", baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, model: "delay-\(delay)")
                let config = ArenaConfig(models: [model])
                var errors: [Double] = []
                for _ in 0..<runs {
                    let battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: nil,
                                        seats: [Seat(index: 0, model: model)])
                    let answers = await BattleRunner(client: client, config: config).run(battle: battle, prompt: "time me")
                    guard let ttft = answers.first?.metrics.ttftMs else { throw BenchFailure("no TTFT measured: \(answers.first?.error?.description ?? "?")") }
                    errors.append(ttft - Double(delay))
                }
                errors.sort()
                let mean = errors.reduce(0, +) / Double(errors.count)
                print(String(format: "  delay %5d ms: error mean %+.2f ms, median %+.2f ms, min %+.2f ms, max %+.2f ms",
                             delay, mean, errors[errors.count / 2], errors.first!, errors.last!))
            }
            try await client.shutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data("arena-bench ttft: \(error)\n".utf8))
            return 1
        }
    }
}
