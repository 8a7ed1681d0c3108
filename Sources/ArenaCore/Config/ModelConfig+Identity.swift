import Foundation

extension ModelConfig {
    /// What could tell a user which model sits in a seat besides its `name`: the endpoint's model
    /// id and the endpoint's address (`host:port`, or a host that is not this machine). Masked, with
    /// the names and vendor words, in everything shown before the vote (errors, retry notices).
    ///
    /// ```swift
    /// ModelConfig(name: "broken", baseURL: URL(string: "http://127.0.0.1:4000/v1")!, model: "mock-500")
    ///     .identifyingWords   // ["mock-500", "127.0.0.1:4000"]
    /// ```
    public var identifyingWords: [String] {
        var words = [model]
        if let host = baseURL.host, !host.isEmpty {
            if let port = baseURL.port { words.append("\(host):\(port)") }
            let local = host == "localhost" || host == "127.0.0.1" || host == "::1" || host.hasPrefix("127.")
            if !local { words.append(host) }
        }
        return words.filter { $0.count >= 2 && $0 != name }
    }
}
