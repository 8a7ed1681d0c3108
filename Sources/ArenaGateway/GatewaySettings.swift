import ArenaCore
import Foundation

/// How `arena gateway` serves: where it listens, which model answers, and who may call it.
public struct GatewaySettings: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the one bound is passed to `onReady`.
    public var port: Int
    public var primary: ModelConfig
    /// Required from clients when set: `Authorization: Bearer TOKEN` or `x-arena-token: TOKEN`.
    public var clientToken: String?
    /// Pass the client's own `Authorization` upstream when the model has no key of its own.
    public var forwardClientKey: Bool
    /// Request bodies past this are refused (413).
    public var maxRequestBytes: Int
    /// How long in-flight streams may run on after SIGTERM or Ctrl-C.
    public var drainSeconds: Double

    public init(host: String = "127.0.0.1", port: Int = 4141, primary: ModelConfig, clientToken: String? = nil,
                forwardClientKey: Bool = false, maxRequestBytes: Int = 8 << 20, drainSeconds: Double = 10) {
        self.host = host
        self.port = port
        self.primary = primary
        self.clientToken = clientToken
        self.forwardClientKey = forwardClientKey
        self.maxRequestBytes = maxRequestBytes
        self.drainSeconds = drainSeconds
    }

    /// Loopback addresses need no token; anything else does.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Picks the model for a request by its tag: `arena gateway --route` serves each suite's current
/// recommendation. Nil means "serve with the primary" (no decision yet, or no route).
public protocol GatewayRoute: Sendable {
    func model(tag: String?) async -> ModelConfig?
    /// What each route serves now, for the status (suite or suite/tag → model name or "primary (undecided)").
    func describe() async -> [String: String]
}

/// Compares secrets in time that does not depend on where they differ.
enum ConstantTime {
    static func equal(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard !b.isEmpty else { return false }
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count {
            difference |= (index < a.count ? a[index] : 0) ^ b[index]
        }
        return difference == 0
    }
}
