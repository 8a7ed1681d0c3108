import Foundation

/// The arena screen's entry point over any `TerminalDevice`. ArenaTerminal adds the ncurses one:
/// `ArenaScreen.run(environment:theme:notice:)`.
///
/// ```swift
/// let terminal = InMemoryTerminal(width: 100, height: 30)
/// try await ArenaScreen.run(environment: environment, theme: theme, terminal: { terminal })
/// ```
///
/// The run loop gets a dedicated thread (the terminal is not thread-safe and must stay on one
/// thread); the caller's task just awaits it, so the cooperative pool stays free for the streams.
public enum ArenaScreen {
    /// Runs the screen until the user quits. `terminal` is called on the UI thread; `notice` is
    /// shown as a toast at start (e.g. a theme warning).
    @discardableResult
    public static func run(environment: ArenaScreenEnvironment, theme: Theme, notice: String? = nil,
                           options: ScreenRunLoop.Options = ScreenRunLoop.Options(),
                           terminal: @escaping @Sendable () throws -> any TerminalDevice) async throws -> ScreenState {
        try await onDedicatedThread {
            let device = try terminal()
            let state = ScreenState(size: device.size, theme: theme, store: environment.store,
                                    history: environment.promptHistory, leakGuard: environment.leakGuard,
                                    notice: notice, judgeMode: environment.judgeMode, startedAt: Date())
            return ScreenRunLoop.run(state: state, terminal: device, environment: environment, options: options)
        }
    }

    /// Runs `body` on a new thread and returns its result without blocking a cooperative thread.
    public static func onDedicatedThread<T: Sendable>(name: String = "arena-ui",
                                                      _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
