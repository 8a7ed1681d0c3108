/// Why a model's answer failed. Shown in that model's seat; never stops the other seats.
///
/// `kind` is for code (retry decisions, tests, `--json`); `message` is for people and quotes the
/// server's own words where there are any. Messages never contain API key values.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Nothing listens on the port.
        case connectionRefused = "connection_refused"
        /// The host name does not resolve.
        case dns
        /// TLS handshake or certificate failure.
        case tls
        /// Could not connect within the connect timeout.
        case connectTimeout = "connect_timeout"
        /// 401/403: the key is missing, wrong or lacks permission.
        case authentication
        /// 404 or an unknown model id.
        case notFound = "not_found"
        /// The prompt does not fit the model's context window.
        case contextTooLong = "context_too_long"
        /// 400-class request error other than the above.
        case badRequest = "bad_request"
        /// 429 that may clear after waiting.
        case rateLimited = "rate_limited"
        /// 429/402 for spent quota or credit: waiting will not help.
        case quotaExhausted = "quota_exhausted"
        /// 5xx from the server.
        case serverError = "server_error"
        /// 529 or 503 "overloaded".
        case overloaded
        /// An `error` object or event inside an HTTP 200 stream.
        case streamError = "stream_error"
        /// A chunk that is not the JSON the format promises.
        case malformedChunk = "malformed_chunk"
        /// No first token within the first-token timeout.
        case firstTokenTimeout = "first_token_timeout"
        /// The stream stalled longer than the idle timeout.
        case idleTimeout = "idle_timeout"
        /// HTTP 200 with no body at all (llama.cpp does this past its context window).
        case emptyResponse = "empty_response"
        /// Any other transport failure (reset, closed connection, …).
        case network
        /// The config or request could not be built (e.g. missing API key variable).
        case configuration
        /// Cancelled by the user.
        case cancelled
    }

    public var kind: Kind
    public var message: String
    /// The HTTP status, when the failure came with one.
    public var status: Int?

    public init(_ kind: Kind, _ message: String, status: Int? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }

    public var description: String {
        if let status { return "\(message) (HTTP \(status))" }
        return message
    }

    /// Whether waiting and retrying (before the first token) can help.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .overloaded: return true
        case .serverError: return status == 502 || status == 503
        default: return false
        }
    }
}
