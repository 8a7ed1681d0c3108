/// Turns a finished stream (its folded events and timings) into a stored `Answer` with metrics:
/// server-reported token counts where there are any, an estimate marked as such otherwise,
/// and the cost from the model's price.
public enum AnswerBuilder {
    public static func answer(seatIndex: Int, accumulator: AnswerAccumulator, ttftMs: Double?, durationMs: Double?,
                              prompt: [ChatMessage], price: Price?) -> Answer {
        let usage = accumulator.usage
        // A zero count beside real text is a placeholder (LiteLLM's Gemini emulation), not a report.
        let hasOutput = !(accumulator.text + accumulator.reasoning).isEmpty
        let reportedOutput = usage?.outputTokens.flatMap { $0 == 0 && hasOutput ? nil : $0 }
        let reportedInput = usage?.inputTokens.flatMap { $0 == 0 && !prompt.isEmpty ? nil : $0 }
        let outputTokens = reportedOutput ?? TokenEstimator.estimate(accumulator.text + accumulator.reasoning)
        let inputTokens = reportedInput ?? prompt.reduce(0) { $0 + TokenEstimator.estimate($1.content) + 4 }
        let estimated = reportedOutput == nil || reportedInput == nil
        let finish = accumulator.finishReason ?? .truncated
        let metrics = AnswerMetrics(
            ttftMs: ttftMs, durationMs: durationMs, inputTokens: inputTokens, outputTokens: outputTokens,
            reasoningTokens: usage?.reasoningTokens
                ?? (accumulator.reasoning.isEmpty ? nil : TokenEstimator.estimate(accumulator.reasoning)),
            tokensEstimated: estimated,
            costUSD: CostCalculator.cost(inputTokens: inputTokens, cachedInputTokens: usage?.cachedInputTokens,
                                         outputTokens: outputTokens, price: price))
        return Answer(seatIndex: seatIndex, text: accumulator.text, reasoning: accumulator.reasoning,
                      finishReason: finish, error: accumulator.error, metrics: metrics, served: accumulator.served)
    }
}
