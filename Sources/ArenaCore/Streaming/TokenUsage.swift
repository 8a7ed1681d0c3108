/// Token counts for one answer, normalised across providers so pricing can treat them alike.
///
/// Conventions (see `providers.md` §1): `inputTokens` is the *total* prompt size including cached
/// tokens; `cachedInputTokens` is the part of it read from a cache; `outputTokens` *includes*
/// reasoning tokens; `reasoningTokens` is the part of it spent thinking.
public struct TokenUsage: Sendable, Equatable, Codable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var cachedInputTokens: Int?
    public var reasoningTokens: Int?

    public init(inputTokens: Int? = nil, outputTokens: Int? = nil,
                cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
    }

    /// Fields present in `newer` replace ours; absent ones keep what we had (usage arrives in pieces).
    public func merged(with newer: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: newer.inputTokens ?? inputTokens,
                   outputTokens: newer.outputTokens ?? outputTokens,
                   cachedInputTokens: newer.cachedInputTokens ?? cachedInputTokens,
                   reasoningTokens: newer.reasoningTokens ?? reasoningTokens)
    }
}
