import ArenaUI
import Foundation

extension ArenaScreen {
    /// Runs the arena screen on the real terminal until the user quits; the terminal is restored
    /// on every way out (return, thrown error, signal, crash).
    ///
    /// ```swift
    /// let (theme, warning) = ThemeResolver.resolve(name: options.theme, environment: ProcessInfo.processInfo.environment)
    /// try await ArenaScreen.run(environment: environment, theme: theme, notice: warning)
    /// ```
    /// Throws `TerminalError` when stdin/stdout is not a terminal or ncurses cannot start.
    @discardableResult
    public static func run(environment: ArenaScreenEnvironment, theme: Theme, notice: String? = nil) async throws -> ScreenState {
        try await onDedicatedThread {
            let terminal = try NcursesTerminal.open()
            defer { terminal.close() }
            var options = ScreenRunLoop.Options()
            options.externalQuit = { NcursesTerminal.quitRequested }
            let device: any TerminalDevice = terminal.charset == .ascii ? AsciiTerminal(wrapping: terminal) : terminal
            let state = ScreenState(size: terminal.size, theme: theme, store: environment.store,
                                    history: environment.promptHistory, leakGuard: environment.leakGuard, notice: notice,
                                    judgeMode: environment.judgeMode, startedAt: Date())
            return ScreenRunLoop.run(state: state, terminal: device, environment: environment, options: options)
        }
    }
}
