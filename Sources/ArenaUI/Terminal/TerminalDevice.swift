/// The whole contract between the screen and a terminal, as small as ratatui's `Backend`.
///
/// Two implementations: `NcursesTerminal` (ArenaTerminal, the only code that imports ncurses) and
/// `InMemoryTerminal` (tests, benchmarks). The run loop diffs `CellGrid`s itself and hands over only
/// changed cells.
///
/// Traps: not thread-safe by contract: one thread (the UI thread) creates, uses and closes a device.
/// `apply` changes nothing visible until `flush`.
public protocol TerminalDevice: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// Draws changed cells into the device's back buffer.
    func apply(_ changes: [CellChange])
    /// Makes applied changes visible and places (or hides) the cursor.
    func flush(cursor: CursorPosition?)
    /// Waits at most `timeoutMilliseconds` (0: don't wait) for one input unit; nil when none came.
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput?
    /// Forgets what is on screen so the next frame redraws everything (Ctrl-L, after a resize).
    func invalidate()
}
