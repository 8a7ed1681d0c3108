/// Everything in the user's config file.
public struct ArenaConfig: Sendable, Equatable {
    public var models: [ModelConfig]
    /// Defaults for every model; each model may override.
    public var timeouts: Timeouts
    /// Stop reading an answer past this many bytes and mark it truncated.
    public var maxAnswerBytes: Int
    /// Who casts the verdicts (recorded with each one); defaults to the OS user name.
    public var rater: String?
    /// Where the file was read from, for messages.
    public var source: String?
    /// Extra patterns (regular expressions) `arena gateway` blanks out of captured prompts, on top of
    /// its defaults (e-mail addresses, phone numbers, key-like strings).
    public var redact: [String] = []

    public static let defaultMaxAnswerBytes = 1 << 20

    public init(models: [ModelConfig], timeouts: Timeouts = .defaults,
                maxAnswerBytes: Int = ArenaConfig.defaultMaxAnswerBytes, rater: String? = nil,
                source: String? = nil) {
        self.models = models
        self.timeouts = timeouts
        self.maxAnswerBytes = maxAnswerBytes
        self.rater = rater
        self.source = source
    }

    /// The models named in `names` (in that order), or all of them when `names` is empty.
    /// Throws a message naming the unknown names and the known ones, or the names given twice.
    public func select(_ names: [String]) throws(SelectionError) -> [ModelConfig] {
        guard !names.isEmpty else { return models }
        var picked: [ModelConfig] = []
        var unknown: [String] = []
        var repeated: [String] = []
        for name in names {
            if let model = models.first(where: { $0.name == name }) {
                if picked.contains(where: { $0.name == name }) {
                    if !repeated.contains(name) { repeated.append(name) }
                } else {
                    picked.append(model)
                }
            } else {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty {
            throw SelectionError(message: "unknown \(pluralised(unknown.count, "model")) \(unknown.joined(separator: ", ")); configured: \(models.map(\.name).joined(separator: ", "))")
        }
        if !repeated.isEmpty {
            throw SelectionError(message: "\(repeated.joined(separator: ", ")) named more than once; a model takes one seat in a battle, "
                                 + "so name each model once")
        }
        return picked
    }

    public struct SelectionError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
