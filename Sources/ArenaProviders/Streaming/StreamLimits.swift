import ArenaCore

/// The bounds one answer streams within. Resolved from the config (model overrides over file
/// defaults over built-in defaults).
public struct StreamLimits: Sendable, Equatable {
    public var connectSeconds: Double
    public var firstTokenSeconds: Double
    public var idleSeconds: Double
    /// Stop reading past this many body bytes and mark the answer truncated.
    public var maxAnswerBytes: Int
    /// Attempts in all, retries included; retries happen only before the first token.
    public var maxAttempts: Int
    /// Never wait longer than this for one retry; a longer `retry-after` fails at once, saying so.
    public var maxRetryWaitSeconds: Double

    public init(connectSeconds: Double = 10, firstTokenSeconds: Double = 120, idleSeconds: Double = 60,
                maxAnswerBytes: Int = ArenaConfig.defaultMaxAnswerBytes, maxAttempts: Int = 4,
                maxRetryWaitSeconds: Double = 60) {
        self.connectSeconds = connectSeconds
        self.firstTokenSeconds = firstTokenSeconds
        self.idleSeconds = idleSeconds
        self.maxAnswerBytes = maxAnswerBytes
        self.maxAttempts = maxAttempts
        self.maxRetryWaitSeconds = maxRetryWaitSeconds
    }

    /// Limits for `model` under `config`.
    public init(model: ModelConfig, config: ArenaConfig) {
        let timeouts = model.timeouts.over(config.timeouts).over(.defaults)
        self.init(connectSeconds: timeouts.connect ?? 10, firstTokenSeconds: timeouts.firstToken ?? 120,
                  idleSeconds: timeouts.idle ?? 60, maxAnswerBytes: config.maxAnswerBytes)
    }
}
