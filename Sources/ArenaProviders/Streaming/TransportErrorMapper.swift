import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Turns transport errors (NIO, TLS, async-http-client) into a `ProviderError` a person can act on.
public enum TransportErrorMapper {
    public static func map(_ error: any Error, url: URL) -> ProviderError {
        let endpoint = "\(url.host ?? "?")\(url.port.map { ":\($0)" } ?? "")"
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return ProviderError(.connectTimeout, "could not connect to \(endpoint) in time (connect timeout)")
            case .deadlineExceeded: return ProviderError(.firstTokenTimeout, "no response from \(endpoint) within the first-token timeout")
            case .remoteConnectionClosed: return ProviderError(.network, "\(endpoint) closed the connection")
            case .readTimeout: return ProviderError(.idleTimeout, "\(endpoint) stopped sending (read timeout)")
            case .tlsHandshakeTimeout: return ProviderError(.tls, "TLS handshake with \(endpoint) timed out")
            case .cancelled: return ProviderError(.cancelled, "cancelled")
            default: break
            }
        }
        if let io = error as? IOError {
            return map(errno: io.errnoCode, endpoint: endpoint) ?? ProviderError(.network, "\(endpoint): \(io.description)")
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return ProviderError(.dns, "cannot resolve host \(url.host ?? "?") (DNS)")
            }
            for attempt in connection.connectionErrors {
                if let io = attempt.error as? IOError, let mapped = map(errno: io.errnoCode, endpoint: endpoint) { return mapped }
            }
        }
        let typeName = String(reflecting: type(of: error))
        let text = String(describing: error)
        if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") || text.contains("certificate") {
            return ProviderError(.tls, "TLS failure talking to \(endpoint): \(text)")
        }
        if error is SocketAddressError || text.contains("unknown(host") || text.lowercased().contains("resolve") {
            return ProviderError(.dns, "cannot resolve host \(url.host ?? "?") (DNS)")
        }
        if text.contains("Connection refused") { return ProviderError(.connectionRefused, "connection refused by \(endpoint) — is the server running?") }
        return ProviderError(.network, "\(endpoint): \(text)")
    }

    private static func map(errno: Int32, endpoint: String) -> ProviderError? {
        switch errno {
        case ECONNREFUSED: return ProviderError(.connectionRefused, "connection refused by \(endpoint) — is the server running?")
        case ECONNRESET, EPIPE: return ProviderError(.network, "\(endpoint) reset the connection")
        case ETIMEDOUT: return ProviderError(.connectTimeout, "connecting to \(endpoint) timed out")
        case EHOSTUNREACH, ENETUNREACH: return ProviderError(.network, "\(endpoint) is unreachable")
        default: return nil
        }
    }
}
