/// A server's error object, in any of the shapes the providers use, decoded leniently.
///
/// Covers OpenAI/OpenRouter/LiteLLM `{"message","type","param","code"}` (code string or number),
/// Anthropic `{"type","message","details":{"error_code"}}`, Gemini
/// `{"code","message","status","details":[{"@type",…}]}` and Ollama's bare string. Internal.
///
/// ```swift
/// struct Chunk: Decodable { var error: WireError? }
/// if let error = chunk.error, error.isTruthy { fail(error.describe()) }
/// ```
///
/// Traps:
/// - Decoding never throws for odd field types: a field of the wrong type is just absent.
/// - `isTruthy` follows Python truthiness like the OpenAI SDK: `null`, `false`, `""`, `0`, `{}` and
///   `[]` are not errors. A JSON `null` never reaches here (`decodeIfPresent` gives nil).
struct WireError: Decodable, Sendable, Equatable {
    var message: String?
    var type: String?
    var code: String?
    var status: String?
    /// Anthropic's `details.error_code` (e.g. `enforced_spend_limit_reached`).
    var errorCode: String?
    /// Gemini's typed details (`RetryInfo`, `QuotaFailure`, `ErrorInfo`).
    var googleDetails: [GoogleErrorDetail] = []
    var isTruthy = true

    init(message: String? = nil, type: String? = nil, code: String? = nil, status: String? = nil) {
        self.message = message
        self.type = type
        self.code = code
        self.status = status
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            isTruthy = !keyed.allKeys.isEmpty
            message = keyed.lenientString("message")
            type = keyed.lenientString("type")
            code = keyed.lenientString("code")
            status = keyed.lenientString("status")
            if let details = try? keyed.decode([GoogleErrorDetail].self, forKey: AnyKey("details")) {
                googleDetails = details
            } else if let details = try? keyed.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("details")) {
                errorCode = details.lenientString("error_code")
            }
        } else if var list = try? decoder.unkeyedContainer() {
            isTruthy = !list.isAtEnd
            _ = try? list.decodeNil()
        } else {
            let single = try decoder.singleValueContainer()
            if let text = try? single.decode(String.self) {
                message = text
                isTruthy = !text.isEmpty
            } else if let flag = try? single.decode(Bool.self) {
                isTruthy = flag
            } else if let number = try? single.decode(Double.self) {
                isTruthy = number != 0
                code = AnyKey.format(number)
            } else {
                isTruthy = false
            }
        }
    }

    /// Overloaded rather than failed: Anthropic `overloaded_error`, or a 503/529/UNAVAILABLE
    /// error whose message says "overloaded".
    var isOverloaded: Bool {
        if type == "overloaded_error" { return true }
        let busyCode = code == "503" || code == "529" || status == "UNAVAILABLE"
        return busyCode && (message ?? "").lowercased().contains("overload")
    }

    /// One line for people: the server's message, else its type/status/code.
    func describe() -> String {
        if let message, !ServerMessage.oneLine(message).isEmpty { return ServerMessage.oneLine(message) }
        if let label = type ?? status ?? code { return "The server reported an error: \(label)" }
        return "The server reported an error without a message."
    }
}

/// One entry of a Gemini (google.rpc) error's `details`.
struct GoogleErrorDetail: Decodable, Sendable, Equatable {
    struct Violation: Decodable, Sendable, Equatable {
        var quotaId: String?
        var quotaMetric: String?
    }

    var type: String?
    /// `RetryInfo`: a protobuf Duration such as `"37s"` or `"1.5s"`.
    var retryDelay: String?
    /// `QuotaFailure`.
    var violations: [Violation]?

    enum CodingKeys: String, CodingKey {
        case type = "@type", retryDelay, violations
    }

    init(from decoder: any Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        type = try? keyed.decodeIfPresent(String.self, forKey: .type)
        retryDelay = try? keyed.decodeIfPresent(String.self, forKey: .retryDelay)
        violations = try? keyed.decodeIfPresent([Violation].self, forKey: .violations)
    }
}

/// A coding key for any JSON object key.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }

    /// `429` for 429.0, otherwise the number as written by Swift.
    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension KeyedDecodingContainer where K == AnyKey {
    /// A string or number field as text; nil when absent, null or of another type.
    func lenientString(_ key: String) -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: AnyKey(key)) { return text }
        if let number = try? decodeIfPresent(Double.self, forKey: AnyKey(key)) { return AnyKey.format(number) }
        return nil
    }
}
