/// A short message shown for a few seconds above the prompt.
public struct Toast: Sendable, Equatable {
    public var message: String
    public var isError: Bool
    /// `ScreenState.now` after which it disappears.
    public var expires: Duration

    public init(message: String, isError: Bool, expires: Duration) {
        self.message = message
        self.isError = isError
        self.expires = expires
    }
}
