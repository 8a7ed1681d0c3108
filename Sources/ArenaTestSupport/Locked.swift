import Synchronization

/// A value shared between a test and the concurrent code it drives (server handlers, callbacks).
///
/// A class around a `Mutex`, because capturing a local `Mutex` (non-copyable) in escaping
/// closures is fragile on this toolchain; a reference is always safe to capture.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public var value: Value { mutex.withLock { $0 } }

    @discardableResult
    public func update<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
