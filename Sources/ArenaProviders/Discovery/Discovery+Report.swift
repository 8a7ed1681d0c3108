import ArenaCore
import Foundation

extension Discovery {
    /// What discovery tried and what became of it, one line per candidate that matters, for the
    /// messages of a config-less run:
    ///
    /// ```swift
    /// Discovery.report(found)
    /// // ["OpenAI (OPENAI_API_KEY set): https://api.openai.com/v1 left out: connection refused by …"]
    /// ```
    ///
    /// Hosted APIs get a line whatever happened (the user set their key and expects them); local
    /// servers only when one answered but could not be used — a closed default port is the normal case.
    public static func report(_ found: [Found]) -> [String] {
        found.compactMap { endpoint in
            let candidate = endpoint.candidate
            let name = candidate.keyVariable.map { "\(candidate.label) (\($0) set)" } ?? candidate.label
            let url = candidate.baseURL.absoluteString
            if let failure = endpoint.failure {
                if candidate.isLocal, endpoint.failureKind == .connectionRefused || endpoint.failureKind == .connectTimeout {
                    return nil
                }
                return "\(name): \(url) left out: \(failure)"
            }
            if endpoint.models.isEmpty { return "\(name): \(url) left out: it lists no chat models" }
            return "\(name): \(url): \(counted(endpoint.models.count, "model"))"
        }
    }

    /// The local candidates that were tried, for "none answered on …".
    public static func localSummary(_ found: [Found]) -> String {
        found.filter(\.candidate.isLocal).map { "\($0.candidate.label) (\($0.candidate.baseURL.absoluteString))" }
            .joined(separator: ", ")
    }
}
