import ArenaTestTraits
import ArenaFuzz
import Foundation
import Testing

/// A short, seeded fuzzing pass over every decoder and parser, seeded from the real transcripts,
/// the shipped suites and themes. Long runs: `scripts/fuzz.sh SECONDS`.
@Suite("Fuzzing (short pass)", .ownThread)
struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyTargetSurvivesMutatedInputs() {
        let seeds = FuzzRun.seeds(transcripts: Self.root.appendingPathComponent("Tests/ArenaProvidersTests/Fixtures/transcripts").path,
                                  prompts: Self.root.appendingPathComponent("prompts").path,
                                  themes: Self.root.appendingPathComponent("themes").path,
                                  config: "models:\n  - name: a\n    base_url: http://127.0.0.1:1/v1\n    model: m\n    price: { input: 1, output: 2 }\n")
        #expect(seeds.values.allSatisfy { !$0.isEmpty }, "a target has no seed inputs")
        let tried = FuzzRun(seed: 20261121, seeds: seeds).run(countPerTarget: 1500)
        // Reaching this line means no input crashed or trapped.
        #expect(tried == 1500 * 9)
    }
}
