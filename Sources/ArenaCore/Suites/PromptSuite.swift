/// A named set of prompts to run against every model, read from a suite file in `prompts/`.
///
/// ```swift
/// let suite = try SuiteParser(file: "prompts/code-review.yaml").parse(text)
/// for prompt in suite.prompts {
///     let request = suite.conversation(for: prompt)   // system message first, then the turns
/// }
/// ```
///
/// Traps: `params` are the suite's defaults for every prompt; how they combine with a model's own
/// `params` is the runner's decision. Send `conversation(for:)`, not `prompt.messages` with
/// `system` glued on by hand: a prompt may bring its own system message, which replaces the suite's.
public struct PromptSuite: Sendable, Equatable, Codable {
    /// The name `arena` knows the suite by; defaults to the file's base name.
    public var name: String
    public var description: String
    public var tags: [String]
    /// The default system prompt, already rendered with the suite's `vars`; nil when unset.
    public var system: String?
    public var params: GenerationParams
    /// In file order; ids are unique.
    public var prompts: [SuitePrompt]
    /// The file the suite was read from, as given to the parser.
    public var source: String

    public init(name: String, description: String = "", tags: [String] = [], system: String? = nil,
                params: GenerationParams = GenerationParams(), prompts: [SuitePrompt], source: String) {
        self.name = name
        self.description = description
        self.tags = tags
        self.system = system
        self.params = params
        self.prompts = prompts
        self.source = source
    }

    /// The messages to send for `prompt`: the prompt's own system message if it has one, else the
    /// suite's `system` (when set), then the prompt's turns ending with the user message.
    public func conversation(for prompt: SuitePrompt) -> [ChatMessage] {
        if prompt.messages.first?.role == .system { return prompt.messages }
        guard let system, !system.isEmpty else { return prompt.messages }
        return [ChatMessage(role: .system, content: system)] + prompt.messages
    }

    /// The prompt with this id, if any.
    public func prompt(id: String) -> SuitePrompt? {
        prompts.first { $0.id == id }
    }
}
