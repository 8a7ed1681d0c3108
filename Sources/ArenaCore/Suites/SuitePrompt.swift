/// One prompt of a `PromptSuite`, rendered and ready to send.
///
/// ```yaml
/// - id: refund-outside-policy
///   tags: [angry, policy]
///   vars: { days: 47 }
///   text: I bought this {{ days }} days ago and I want my money back.
///   notes: A good reply apologises once, states the 30-day policy and offers store credit.
/// ```
///
/// Traps: `messages` excludes the suite's system prompt but may *start* with the prompt's own
/// `system` message, which replaces the suite's; use `PromptSuite.conversation(for:)` to send it.
/// `notes` are for the judge and must never reach a model.
public struct SuitePrompt: Sendable, Equatable, Codable {
    /// Unique within its suite: letters, digits, `.`, `_` and `-`.
    public var id: String
    /// The turns to send, `{{vars}}` filled in: an optional leading system message, then user and
    /// assistant turns alternating, always ending with the user message the models answer.
    public var messages: [ChatMessage]
    public var tags: [String]
    /// What a good answer does, shown to the judge; empty when the file has none.
    public var notes: String
    /// Held out or not (`split: dev` / `split: test`): tune prompts and system prompt on dev,
    /// decide on test (`--split`). Nil when the file says nothing.
    public var split: PromptSplit?
    /// This prompt's own parameters (`params:`), over the suite's; nil when it has none. Captured
    /// traffic keeps each request's temperature and token limit here.
    public var params: GenerationParams?

    public init(id: String, messages: [ChatMessage], tags: [String] = [], notes: String = "", split: PromptSplit? = nil,
                params: GenerationParams? = nil) {
        self.id = id
        self.messages = messages
        self.tags = tags
        self.notes = notes
        self.split = split
        self.params = params
    }

    /// A single-turn prompt: one user message.
    public init(id: String, text: String, tags: [String] = [], notes: String = "") {
        self.init(id: id, messages: [ChatMessage(role: .user, content: text)], tags: tags, notes: notes)
    }

    /// The last user message: the question the models answer.
    public var text: String {
        messages.last(where: { $0.role == .user })?.content ?? ""
    }
}

/// Which half of a suite a prompt belongs to: `dev` to tune on, `test` to decide on.
public enum PromptSplit: String, Sendable, Equatable, Codable, CaseIterable {
    case dev, test
}

extension PromptSuite {
    /// The suite with only the prompts of `split` (all of them when nil).
    public func only(_ split: PromptSplit?) -> PromptSuite {
        guard let split else { return self }
        var copy = self
        copy.prompts = prompts.filter { $0.split == split }
        return copy
    }
}
