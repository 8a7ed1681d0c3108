/// A query parameter, sent to PostgreSQL as text; `nil` (of `PostgresValue?`) is SQL NULL.
///
/// Literals convert on their own, so `try conn.execute("… $1, $2, $3", ["name", 42, nil])`
/// works; variables need a case: `.string(name)`, `.int(count)`, `.double(score)`, `.bool(ok)`.
/// The server casts the text to the parameter's type, as for a quoted literal: `'42'`, `'true'`.
public enum PostgresValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    /// The text form PostgreSQL parses: `42`, `3.25`, `Infinity`, `NaN`, `true`/`false`.
    /// Doubles use Swift's shortest round-tripping form, so they come back bit for bit.
    public var text: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .double(let value):
            if value.isNaN { "NaN" } else if value.isInfinite { value < 0 ? "-Infinity" : "Infinity" } else { "\(value)" }
        }
    }
}

extension PostgresValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .string(String(stringInterpolation: stringInterpolation)) }
}

extension PostgresValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension PostgresValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension PostgresValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
