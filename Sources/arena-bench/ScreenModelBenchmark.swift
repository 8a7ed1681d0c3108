import ArenaFuzz
import Foundation

/// `arena-bench screen-model [--seconds N] [--seed S] [--steps N]`: the screen's model-based check
/// (every pane against an independent render of its own seat's text) for as long as you like, one
/// seeded session after another, alternating normal and judge mode. A mismatch stops the run with
/// the seed and step that reproduce it; a trap kills the process, and the last seed printed is the one.
enum ScreenModelBenchmark {
    static let usage = "[--seconds N] [--seed S] [--steps N-per-session]\n"

    static func run(_ arguments: [String]) async -> Int32 {
        var seconds = 60.0, seed: UInt64 = 1, steps = 2_000
        var index = 0
        while index + 1 < arguments.count {
            switch arguments[index] {
            case "--seconds": seconds = Double(arguments[index + 1]) ?? seconds
            case "--seed": seed = UInt64(arguments[index + 1]) ?? seed
            case "--steps": steps = Int(arguments[index + 1]) ?? steps
            default: break
            }
            index += 2
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var sessions = 0, totalSteps = 0, panes = 0
        var current = seed
        while ContinuousClock.now < deadline {
            let judge = sessions % 4 == 3
            FileHandle.standardError.write(Data("screen-model: seed \(current)\(judge ? " (judge)" : "")\r".utf8))
            var check = ScreenModelCheck(seed: current, judgeMode: judge)
            let report = check.run(steps: steps)
            sessions += 1
            totalSteps += report.steps
            panes += report.panesChecked
            if !report.failures.isEmpty {
                print("screen-model: MISMATCH\n" + report.failures.joined(separator: "\n"))
                print("reproduce: arena-bench screen-model --seed \(current) --steps \(steps) --seconds 1")
                return 1
            }
            current &+= 1
        }
        print("screen-model: \(sessions) sessions, \(totalSteps) steps, \(panes) panes compared, 0 mismatches (seeds \(seed)…\(current &- 1))")
        return 0
    }
}
