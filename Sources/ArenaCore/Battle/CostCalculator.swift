/// Turns normalised token counts and a config price into US dollars.
///
/// `cost = (uncached input × input + cached input × cached_input + output × output) / 1e6`,
/// where output already includes reasoning tokens (billed at the output rate).
public enum CostCalculator {
    public static func cost(inputTokens: Int?, cachedInputTokens: Int?, outputTokens: Int?, price: Price?) -> Double? {
        guard let price else { return nil }
        let input = Double(inputTokens ?? 0)
        let cached = Double(min(cachedInputTokens ?? 0, inputTokens ?? 0))
        let output = Double(outputTokens ?? 0)
        return ((input - cached) * price.input + cached * (price.cachedInput ?? price.input) + output * price.output) / 1_000_000
    }
}
