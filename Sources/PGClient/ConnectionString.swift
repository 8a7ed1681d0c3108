import CLibpq
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What PostgresConnection may say about a connection string: a redacted URL for messages, and
/// the password texts to strip from anything libpq says. The string itself is never kept.
///
/// Accepts what libpq accepts: a URI (`postgres://user:pw@host:5432/db?sslmode=require`), a
/// key/value string (`host=… user=… password=…`), or a bare database name.
struct ConnectionString: Sendable {
    /// `postgres://user@host:port/db`, with whatever parts the string gave; no password, no query.
    let redactedURL: String
    /// Password texts (as written and percent-decoded) to strip from messages, longest first.
    let secrets: [String]
    /// libpq's complaint when it could not parse the string (already stripped of secrets).
    let parseError: String?

    init(_ conninfo: String, environment passwordFromEnvironment: String? = Self.environmentPassword()) {
        var secrets = Self.passwordsByHand(in: conninfo)
        if let password = passwordFromEnvironment { secrets.append(password) }

        let parsed = Self.parse(Self.looksLikeConnectionString(conninfo) ? conninfo : "dbname='\(Self.quoted(conninfo))'")
        secrets += ["password", "sslpassword"].compactMap { parsed.options[$0] }
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }

        if let error = parsed.error {
            redactedURL = "postgres://(invalid connection string)"
            parseError = Self.strip(error, secrets: self.secrets)
        } else {
            redactedURL = Self.redactedURL(parsed.options)
            parseError = nil
        }
    }

    /// Replaces every secret in `text` with `***`.
    func strip(_ text: String) -> String { Self.strip(text, secrets: secrets) }

    static func strip(_ text: String, secrets: [String]) -> String {
        secrets.reduce(text) { text, secret in text.replacing(secret, with: "***") }
    }

    static func environmentPassword() -> String? {
        getenv("PGPASSWORD").map { String(cString: $0) }
    }

    // MARK: - libpq's parse

    static func looksLikeConnectionString(_ text: String) -> Bool {
        text.contains("=") || text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The options the string sets (env defaults not applied), or libpq's error.
    private static func parse(_ conninfo: String) -> (options: [String: String], error: String?) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            defer { PQfreemem(errorMessage) }
            let text = errorMessage.map { String(cString: $0) } ?? "out of memory"
            return ([:], Libpq.oneLine(text))
        }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var position = 0
        while let keyword = options[position].keyword {
            if let value = options[position].val { result[String(cString: keyword)] = String(cString: value) }
            position += 1
        }
        return (result, nil)
    }

    // MARK: - The redacted URL

    private static func redactedURL(_ options: [String: String]) -> String {
        let user = options["user"].map { percentEncoded($0) + "@" } ?? ""
        let hosts = (options["host"] ?? options["hostaddr"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        let ports = (options["port"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        let authority = hosts.enumerated().map { offset, host in
            var text = host.contains(":") && !host.hasPrefix("/") ? "[\(host)]" : percentEncoded(String(host))
            let port = ports.count == 1 ? ports[0] : (offset < ports.count ? ports[offset] : "")
            if !port.isEmpty { text += ":\(port)" }
            return text
        }.joined(separator: ",")
        let database = options["dbname"].map { "/" + percentEncoded($0) } ?? ""
        return "postgres://\(user)\(authority)\(database)"
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func quoted(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
    }

    // MARK: - Passwords found by hand (also when libpq cannot parse the string)

    /// Password texts in a URI's user info and `password=` query parameters, or in key/value
    /// `password=` settings; both as written and percent-decoded.
    static func passwordsByHand(in conninfo: String) -> [String] {
        var found: [String] = []
        if let schemeEnd = conninfo.firstRange(of: "://") {
            let rest = conninfo[schemeEnd.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                found.append(String(authority[authority.index(after: colon)..<at]))
            }
            if let query = rest.firstIndex(of: "?") {
                for pair in rest[rest.index(after: query)...].split(separator: "&") {
                    let (key, value) = (pair.prefix { $0 != "=" }, pair.drop { $0 != "=" }.dropFirst())
                    if key == "password" || key == "sslpassword" { found.append(String(value)) }
                }
            }
            found += found.compactMap(percentDecoded)
        } else {
            var rest = Substring(conninfo)
            while let range = rest.firstRange(of: "password") {
                rest = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" }
                guard rest.first == "=" else { continue }
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                if rest.first == "'" {
                    rest = rest.dropFirst()
                    var value = ""
                    var escaped = false
                    for character in rest {
                        if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "'" { break } else { value.append(character) }
                    }
                    found.append(value)
                } else {
                    found.append(String(rest.prefix { $0 != " " && $0 != "\t" && $0 != "\n" }))
                }
            }
        }
        return found
    }

    private static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension PostgresConnection {
    /// `postgres://user@host:port/db` for `url`: what messages may show (never the password).
    public static func redactedURL(_ url: String) -> String { ConnectionString(url).redactedURL }
}
