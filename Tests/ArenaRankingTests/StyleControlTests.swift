import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct StyleFeaturesTests {
    @Test func countsMarkdownOutsideCode() {
        let answer = """
        # Title
        Some **bold** text and __more bold__ and **not closed
        ## Section
        - one
          * two
        + three
        1. first
        12. twelfth
        #not a header
        ####### seven is not a header
        -not a list
        ```swift
        # not a header
        - not a list
        **not bold**
        ```
        Final **b1** and **b2**.
        """
        let style = StyleFeatures.measure(markdown: answer, tokens: 77)
        #expect(style == StyleFeatures(tokens: 77, headers: 2, listItems: 5, boldSpans: 4))
    }

    @Test func estimatesTokensFromLength() {
        #expect(StyleFeatures.measure(markdown: "abcdefgh").tokens == 2)
        #expect(StyleFeatures.measure(markdown: "abcdefghi").tokens == 3)
        #expect(StyleFeatures.measure(markdown: "").tokens == 0)
    }

    @Test func unclosedFenceIsNotCode() {
        let style = StyleFeatures.measure(markdown: "```\n# header\n", tokens: 1)
        #expect(style.headers == 1)
    }
}

@Suite(.ownThread) struct StyleControlledBTTests {
    @Test func matchesScipyOnASmallCase() throws {
        let result = try StyleControlledBT.fit(Fixtures.caseS, modelCount: 3)
        #expect(Fixtures.maxDifference(result.fit.ratings, ReferenceValues.caseSStyleRatings) < 1e-6)
        #expect(Fixtures.maxDifference(result.coefficients.map(\.logit), ReferenceValues.caseSStyleCoefficients) < 1e-8)
        #expect(Fixtures.maxDifference(result.coefficients.map(\.scale), ReferenceValues.caseSStyleScales) < 1e-9)
        #expect(result.coefficients.map(\.feature) == StyleFeature.allCases)
    }

    @Test func removesAVerbosityAdvantage() throws {
        // Model 0 writes long answers; voters add +80 points for length. True strengths are equal.
        var rng = SeededRandom(seed: 31)
        let truth: [Double] = [1000, 1000, 1000]
        var battles: [StyledComparison] = []
        for _ in 0..<20_000 {
            let a = Int(rng.next() % 3)
            let b = (a + 1 + Int(rng.next() % 2)) % 3
            let length = { (m: Int) in m == 0 ? 600 + Int(rng.next() % 400) : 200 + Int(rng.next() % 400) }
            let la = length(a), lb = length(b)
            let d = Double(la - lb) / Double(la + lb + 1)
            let gap = (truth[a] - truth[b] + 80 * d / 0.3) / RatingScale.pointsPerLogit
            let outcome: PairOutcome = rng.nextUniform() < Logistic.sigmoid(gap) ? .winA : .winB
            battles.append(StyledComparison(Comparison(a: a, b: b, outcome: outcome),
                                            styleA: StyleFeatures(tokens: la), styleB: StyleFeatures(tokens: lb)))
        }
        let plain = try BradleyTerry.fit(Fixtures.counts(battles.map(\.comparison)))
        let controlled = try StyleControlledBT.fit(battles, modelCount: 3)
        #expect(plain.ratings[0] - plain.ratings[1] > 30)                       // biased without control
        #expect(abs(controlled.fit.ratings[0] - controlled.fit.ratings[1]) < 12) // fixed with it
        #expect(controlled.coefficients[0].ratingPoints > 0)
        #expect(abs(controlled.coefficients[1].logit) < 1e-9)                    // constant feature → 0
    }

    @Test func swappingSeatsChangesNothing() throws {
        let swapped = Fixtures.caseS.map { StyledComparison($0.comparison.swapped, styleA: $0.styleB, styleB: $0.styleA) }
        let original = try StyleControlledBT.fit(Fixtures.caseS, modelCount: 3)
        let mirrored = try StyleControlledBT.fit(swapped, modelCount: 3)
        #expect(Fixtures.maxDifference(original.fit.ratings, mirrored.fit.ratings) < 1e-9)
        #expect(Fixtures.maxDifference(original.coefficients.map(\.logit), mirrored.coefficients.map(\.logit)) < 1e-9)
    }
}
