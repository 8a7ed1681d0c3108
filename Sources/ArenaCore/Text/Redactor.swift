import Foundation

/// Blanks out what must never be stored from captured traffic: e-mail addresses, phone numbers
/// and key-like strings by default, plus the config's own `redact:` patterns.
///
/// ```swift
/// let redactor = try Redactor(extra: config.redact)
/// redactor.redact("mail jo@example.com, key sk-test-abc…")   // "mail [email], key [key]"
/// ```
///
/// Rules run in order — keys first (a key may contain an `@` or digits that look like a phone
/// number), then e-mail, then phone numbers, then the config's patterns — each over the previous
/// one's output; a match becomes its rule's marker (`[key]`, `[email]`, `[phone]`, `[redacted]`).
///
/// Traps: redaction is a net, not a proof; a user's secret in an unusual shape needs its own
/// pattern. Patterns are ICU regular expressions (`NSRegularExpression`).
public struct Redactor: Sendable {
    public struct Rule: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe.
        let expression: NSRegularExpression
        public let marker: String

        public init(pattern: String, marker: String = "[redacted]") throws(ConfigError) {
            do { expression = try NSRegularExpression(pattern: pattern) } catch {
                throw ConfigError(file: "", line: nil, field: "redact", message: "\(pattern): \(error.localizedDescription)")
            }
            self.marker = marker
        }

        func apply(_ text: String) -> String {
            let range = NSRange(text.startIndex..., in: text)
            guard expression.firstMatch(in: text, range: range) != nil else { return text }
            return expression.stringByReplacingMatches(in: text, range: range,
                                                       withTemplate: NSRegularExpression.escapedTemplate(for: marker))
        }
    }

    public let rules: [Rule]

    /// The default rules followed by `extra` patterns (each replaced by `[redacted]`).
    public init(extra: [String] = [], defaults: Bool = true) throws(ConfigError) {
        var rules = defaults ? Self.defaultRules : []
        for pattern in extra { rules.append(try Rule(pattern: pattern)) }
        self.rules = rules
    }

    public func redact(_ text: String) -> String {
        rules.reduce(text) { $1.apply($0) }
    }

    public func redact(_ messages: [ChatMessage]) -> [ChatMessage] {
        messages.map { ChatMessage(role: $0.role, content: redact($0.content)) }
    }

    // The patterns are constants that compile: a failure here is a programming error, caught by the tests.
    // swiftlint:disable force_try
    static let defaultRules: [Rule] = [
        // Provider keys and tokens of known shapes: OpenAI/Anthropic-style sk-…, AWS access key
        // ids, GitHub, Slack and Google API keys, bearer tokens.
        try! Rule(pattern: #"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"#, marker: "[key]"),
        try! Rule(pattern: #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#, marker: "[key]"),
        try! Rule(pattern: #"\bgh[pousr]_[A-Za-z0-9]{20,}\b"#, marker: "[key]"),
        try! Rule(pattern: #"\bxox[abprs]-[A-Za-z0-9-]{10,}"#, marker: "[key]"),
        try! Rule(pattern: #"\bAIza[0-9A-Za-z_-]{30,}"#, marker: "[key]"),
        try! Rule(pattern: #"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]{16,}"#, marker: "[key]"),
        // Anything else long, unbroken and made of both letters and digits looks like a secret.
        try! Rule(pattern: #"\b(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\b"#, marker: "[key]"),
        try! Rule(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, marker: "[email]"),
        // International (+44 20 7946 0958), grouped (415-555-0132, (415) 555 0132) and E.164 numbers;
        // dates, versions and IP addresses do not have these group lengths.
        try! Rule(pattern: #"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]?\d{3,4}(?![\w])"#,
                  marker: "[phone]"),
        try! Rule(pattern: #"(?<![\w+])\+\d{10,14}(?!\w)"#, marker: "[phone]"),
    ]
    // swiftlint:enable force_try
}
