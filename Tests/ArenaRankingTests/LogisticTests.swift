import Foundation
import Testing
@testable import ArenaRanking

/// The fused σ / log σ agrees with the separate, reference forms everywhere, tails included.
@Suite struct LogisticTests {
    @Test func theFusedFormMatchesTheSeparateOnes() {
        var generator = SeededRandom(seed: 9, stream: 0)
        var values: [Double] = [0, -0.0, 1e-300, -1e-300, 36, -36, 700, -700, 745, -745, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for _ in 0..<20_000 { values.append((generator.nextUniform() - 0.5) * 80) }
        for x in values {
            let (p, log) = Logistic.sigmoidAndLog(x)
            #expect(abs(p - Logistic.sigmoid(x)) <= 1e-15 * max(1, Logistic.sigmoid(x)), "σ(\(x))")
            let reference = Logistic.logSigmoid(x)
            #expect(abs(log - reference) <= 1e-12 * max(1, abs(reference)), "log σ(\(x))")
            // The identity the fit uses: log σ(−x) = log σ(x) − x.
            let mirrored = Logistic.logSigmoid(-x)
            if abs(x) < 1e6 { #expect(abs(mirrored - (reference - x)) <= 1e-9 * max(1, abs(mirrored)), "log σ(−\(x))") }
        }
    }
}
