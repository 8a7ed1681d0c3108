import ArenaFuzz
import Foundation

/// `arena-bench fuzz [--seconds N] [--count N] [--seed S]`: fuzzes every decoder and parser from
/// the repo's transcripts, suites and themes. A crash kills the process (a non-zero exit by
/// signal); the seed and the last progress line reproduce it.
enum FuzzBenchmark {
    static let usage = "[--seconds N] [--count N-per-target] [--seed S]   (run from the repository root)"

    static func run(_ arguments: [String]) async -> Int32 {
        var seconds = 10.0, count = Int.max, seed: UInt64 = 1
        var index = 0
        while index + 1 < arguments.count {
            switch arguments[index] {
            case "--seconds": seconds = Double(arguments[index + 1]) ?? seconds
            case "--count": count = Int(arguments[index + 1]) ?? count
            case "--seed": seed = UInt64(arguments[index + 1]) ?? seed
            default: break
            }
            index += 2
        }
        let root = FileManager.default.currentDirectoryPath
        let seeds = FuzzRun.seeds(transcripts: root + "/Tests/ArenaProvidersTests/Fixtures/transcripts", prompts: root + "/prompts",
                                  themes: root + "/themes", config: "models:\n  - name: a\n    base_url: http://127.0.0.1:1/v1\n    model: m\n")
        let started = ContinuousClock.now
        // The time is shared out over the targets.
        var total = 0
        for (offset, target) in FuzzTarget.allCases.enumerated() {
            let deadline = started + .milliseconds(Int(seconds * 1000 / Double(FuzzTarget.allCases.count) * Double(offset + 1)))
            let tried = FuzzRun(seed: seed &+ UInt64(offset) &* 7919, seeds: [target: seeds[target] ?? [[]]])
                .runOne(target, count: count, deadline: deadline)
            print("fuzz: \(target.rawValue): \(tried) inputs, 0 crashes")
            total += tried
        }
        let elapsed = ContinuousClock.now - started
        let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "fuzz: %d inputs in %.1f s (%.0f/s), 0 crashes, seed %llu", total, secondsTaken, Double(total) / secondsTaken, seed))
        return 0
    }
}
