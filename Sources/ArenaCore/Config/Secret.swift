/// A secret value (an API key) that never shows itself: printing, logging, interpolating or
/// encoding it gives `•••`. Read it only where a request header is built.
public struct Secret: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The key itself, for the request header. Nowhere else.
    public func reveal() -> String { value }

    public var description: String { "•••" }
    public var debugDescription: String { "•••" }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a placeholder, never the key: a config encoded anywhere leaks nothing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("•••")
    }
}
