import Testing

/// `@Suite(.ownThread)` or `@Test(.ownThread)`: each test runs on a thread of its own instead of
/// the cooperative pool (see `DedicatedThreadExecutor`). For tests whose synchronous work takes
/// more than a moment — simulations, fuzzing, every-offset decoder replays — so that they cannot
/// starve the tests that wait on real servers and real timeouts.
public struct OwnThreadTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        // A suite's own scope wraps its tests; each test (and each case) gets the thread instead.
        guard !test.isSuite else { return try await function() }
        let executor = DedicatedThreadExecutor(name: "arena.test.\(test.name)")
        defer { executor.shutdown() }
        try await withTaskExecutorPreference(executor) { try await function() }
    }
}

extension Trait where Self == OwnThreadTrait {
    /// Runs each test on a thread of its own, off the cooperative pool.
    public static var ownThread: Self { OwnThreadTrait() }
}
