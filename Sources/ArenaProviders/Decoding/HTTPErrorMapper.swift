import ArenaCore
import Foundation

/// Turns a non-2xx HTTP response into a `ProviderError`, for any of the four wire formats.
///
/// Each decoder exposes it as `error(status:headers:body:keyVariable:)`; the logic is shared
/// because the error shapes overlap (LiteLLM and OpenRouter speak OpenAI's, Gemini proxies vary).
///
/// ```swift
/// let error = HTTPErrorMapper.map(status: 401, headers: [], body: Array(body.utf8),
///                                 keyVariable: "OPENAI_API_KEY")
/// // .authentication, "Incorrect API key provided: [redacted]. Check OPENAI_API_KEY."
/// ```
///
/// Rules, in order: 401/403 → `.authentication` (names the key variable, never a value);
/// 402 → `.quotaExhausted`; 404 → `.notFound`; 429 → `.quotaExhausted` for `insufficient_quota`,
/// `enforced_spend_limit_reached` or a Gemini per-day `QuotaFailure`, else `.rateLimited`;
/// 529, a 503 whose message says overloaded, or Anthropic's `overloaded_error` → `.overloaded`; other 5xx →
/// `.serverError`; 4xx whose code or wording says the context is too long → `.contextTooLong`,
/// saying the model is unknown → `.notFound`, else `.badRequest`. Anything else (1xx/3xx) →
/// `.network`.
///
/// Traps: the message is the server's own (JSON `message`, else a text/plain body, else the words
/// of an HTML error page), one line, ≤ 300 characters; key-like tokens in it are masked. An empty
/// body gives a message naming the status only. `headers` is not consulted yet (the body is
/// sniffed, since proxies mislabel it); it is in the signature for the HTTP layer's convenience.
enum HTTPErrorMapper {
    static func map(status: Int, headers: [(String, String)], body: [UInt8],
                    keyVariable: String?) -> ProviderError {
        let parsed = ParsedErrorBody(body)
        let server = parsed.message.map { ServerMessage.oneLine($0) } ?? ""
        let markers = parsed.markers
        func error(_ kind: ProviderError.Kind, _ fallback: String) -> ProviderError {
            ProviderError(kind, server.isEmpty ? fallback : server, status: status)
        }

        switch status {
        case 401, 403:
            let check = keyVariable.map { "Check \($0)." } ?? "Check the API key."
            let base = server.isEmpty ? (status == 401 ? "The API key was rejected." : "The API key lacks permission.") : server
            return ProviderError(.authentication, base.hasSuffix(".") ? "\(base) \(check)" : "\(base). \(check)", status: status)
        case 402:
            return error(.quotaExhausted, "Payment required: the account has no credit left.")
        case 404:
            return error(.notFound, "Not found: check the base URL and the model id.")
        case 429:
            if markers.contains(where: Self.quotaMarkers.contains) || parsed.hasPerDayQuotaFailure {
                return error(.quotaExhausted, "Quota exhausted.")
            }
            return error(.rateLimited, "Rate limited.")
        case _ where status == 529 || parsed.saysOverloaded(status: status):
            return error(.overloaded, "The server is overloaded.")
        case 500...599:
            return error(.serverError, "The server failed with HTTP \(status).")
        case 400...499:
            if markers.contains("context_length_exceeded") || Self.saysContextTooLong(server) {
                return error(.contextTooLong, "The prompt does not fit the model's context window.")
            }
            if markers.contains("model_not_found") || Self.saysUnknownModel(server) {
                return error(.notFound, "Unknown model.")
            }
            return error(.badRequest, "The server rejected the request.")
        default:
            return error(.network, "Unexpected HTTP status \(status).")
        }
    }

    private static let quotaMarkers: Set<String> = ["insufficient_quota", "enforced_spend_limit_reached"]

    private static let contextPhrases = [
        "context length", "context_length", "context window", "contextwindowexceeded",
        "maximum context", "prompt is too long", "input is too long",
        "exceeds the maximum number of tokens", "too many tokens",
    ]

    private static let unknownModelPhrases = [
        "invalid model name", "model not found", "unknown model", "no such model", "model_not_found",
    ]

    static func saysContextTooLong(_ message: String) -> Bool {
        let lower = message.lowercased()
        return contextPhrases.contains { lower.contains($0) }
    }

    static func saysUnknownModel(_ message: String) -> Bool {
        let lower = message.lowercased()
        return unknownModelPhrases.contains { lower.contains($0) }
    }
}

/// What an error body says, whatever its shape: OpenAI-style `{"error":{…}}`, flat
/// `{"message",…}`, Anthropic `{"type":"error","error":{…}}`, Gemini (maybe array-wrapped),
/// Ollama `{"error":"…"}`, FastAPI `{"detail":"…"}`, or plain text.
struct ParsedErrorBody {
    var error: WireError?
    var message: String?
    /// Lower-cased codes and types found anywhere a server puts them.
    var markers: Set<String> = []

    init(_ body: [UInt8]) {
        let data = Data(body)
        let envelope = (try? JSONDecoder().decode(Envelope.self, from: data))
            ?? (try? JSONDecoder().decode([Envelope].self, from: data))?.first
        guard let envelope else {
            let text = Self.withoutMarkup(String(decoding: body, as: UTF8.self))
            message = text.isEmpty ? nil : text
            return
        }
        error = envelope.error.flatMap { $0.isTruthy ? $0 : nil }
        message = error?.message ?? envelope.message ?? envelope.detail
            ?? error?.describe() ?? String(decoding: body, as: UTF8.self)
        let raw = [error?.code, error?.type, error?.status, error?.errorCode, envelope.code, envelope.type]
        markers = Set(raw.compactMap { $0?.lowercased() })
    }

    var hasPerDayQuotaFailure: Bool {
        (error?.googleDetails ?? []).contains { detail in
            (detail.type ?? "").hasSuffix("QuotaFailure") && (detail.violations ?? []).contains { violation in
                let id = ((violation.quotaId ?? "") + " " + (violation.quotaMetric ?? "")).lowercased()
                return id.contains("perday") || id.contains("per_day") || id.contains("per-day")
            }
        }
    }

    /// A proxy's HTML error page reduced to its words (tags become spaces); other text as is.
    static func withoutMarkup(_ text: String) -> String {
        guard text.hasPrefix("<"), text.range(of: "<html", options: .caseInsensitive) != nil
                || text.hasPrefix("<!") else { return text }
        var words = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; words.append(" ") } else if character == ">" { inTag = false } else if !inTag { words.append(character) }
        }
        return words
    }

    func saysOverloaded(status: Int) -> Bool {
        if markers.contains("overloaded_error") { return true }
        return status == 503 && (message ?? "").lowercased().contains("overload")
    }

    private struct Envelope: Decodable {
        var error: WireError?
        var message: String?
        var detail: String?
        var code: String?
        var type: String?

        init(from decoder: any Decoder) throws {
            let keyed = try decoder.container(keyedBy: AnyKey.self)
            error = try? keyed.decodeIfPresent(WireError.self, forKey: AnyKey("error"))
            message = keyed.lenientString("message")
            detail = keyed.lenientString("detail")
            code = keyed.lenientString("code")
            type = keyed.lenientString("type")
        }
    }
}
