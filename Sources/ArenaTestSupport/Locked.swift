import Synchronization

/// A value shared between a test and the concurrent code it drives (server handlers, callbacks).
///
/// ```swift
/// let started = Locked(0)
/// // … in a handler: started.update { $0 += 1 }
/// await started.wait { $0 >= 3 }   // resumes on the update that makes it true, no polling
/// ```
///
/// A class around a `Mutex`, because capturing a local `Mutex` (non-copyable) in escaping
/// closures is fragile on this toolchain; a reference is always safe to capture.
public final class Locked<Value: Sendable>: Sendable {
    private struct State {
        var value: Value
        var waiters: [(condition: @Sendable (Value) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let mutex: Mutex<State>

    public init(_ value: Value) { mutex = Mutex(State(value: value)) }

    public var value: Value { mutex.withLock { $0.value } }

    @discardableResult
    public func update<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        let (result, ready) = mutex.withLock { state -> (Result, [CheckedContinuation<Void, Never>]) in
            let result = body(&state.value)
            guard !state.waiters.isEmpty else { return (result, []) }
            let value = state.value
            let ready = state.waiters.filter { $0.condition(value) }.map(\.continuation)
            state.waiters.removeAll { $0.condition(value) }
            return (result, ready)
        }
        for continuation in ready { continuation.resume() }
        return result
    }

    /// Returns once `condition` holds: at once if it does now, else on the update that makes it so.
    public func wait(until condition: @escaping @Sendable (Value) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = mutex.withLock { state -> Bool in
                if condition(state.value) { return true }
                state.waiters.append((condition, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}
