/// A store failure, as one line for the user, with a code for programs.
///
/// ```swift
/// do { _ = try store.battles() } catch where error.code == .unknownValue { … }   // a newer arena wrote it
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable, Equatable {
        /// Opening, reading or writing failed (the message says why).
        case failure
        /// A stored value this arena does not know (an enum case, a URL, an id): never guessed at,
        /// since a guess would silently change what a verdict or an answer means.
        case unknownValue = "unknown_value"
    }

    public var code: Code
    public var message: String

    public init(_ message: String, code: Code = .failure) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func unknownValue(_ value: String, column: String) -> StoreError {
        StoreError("the store holds \(column) \"\(value)\", which this version of arena does not know "
                   + "(was it written by a newer arena?); nothing was changed", code: .unknownValue)
    }
}
