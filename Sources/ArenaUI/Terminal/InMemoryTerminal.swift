import Foundation
import Synchronization

/// A real `TerminalDevice` that draws into a `CellGrid` in memory: the test double for whole-app
/// tests and the benchmark (like swift-nio's `NIOEmbedded`, a real implementation, not a mock).
///
/// ```swift
/// let terminal = InMemoryTerminal(width: 80, height: 24)
/// terminal.type("hello")            // queue input
/// terminal.send(.key(.enter))
/// // … run the screen …
/// terminal.lines                    // what a person would see
/// ```
///
/// Thread-safe (a test thread scripts input while the UI thread reads it). When no input is queued,
/// `nextInput` waits up to its timeout like a real terminal does, unless `waitsWhenIdle` is false.
public final class InMemoryTerminal: TerminalDevice, Sendable {
    private struct State {
        var screen: CellGrid
        var input: [TerminalInput] = []
        var cursor: CursorPosition?
        var flushes = 0
        var appliedCells = 0
    }

    private let state: Mutex<State>
    private let waitsWhenIdle: Bool

    public init(width: Int, height: Int, waitsWhenIdle: Bool = true) {
        state = Mutex(State(screen: CellGrid(width: width, height: height)))
        self.waitsWhenIdle = waitsWhenIdle
    }

    // MARK: TerminalDevice

    public var size: TerminalSize {
        state.withLock { TerminalSize(width: $0.screen.width, height: $0.screen.height) }
    }

    public func apply(_ changes: [CellChange]) {
        state.withLock {
            $0.screen.apply(changes)
            $0.appliedCells += changes.count
        }
    }

    public func flush(cursor: CursorPosition?) {
        state.withLock {
            $0.cursor = cursor
            $0.flushes += 1
        }
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        if let unit = popInput() { return unit }
        if waitsWhenIdle, timeoutMilliseconds > 0 {
            Thread.sleep(forTimeInterval: Double(timeoutMilliseconds) / 1000)
            return popInput()
        }
        return nil
    }

    public func invalidate() {
        state.withLock { $0.screen = CellGrid(width: $0.screen.width, height: $0.screen.height) }
    }

    private func popInput() -> TerminalInput? {
        state.withLock { $0.input.isEmpty ? nil : $0.input.removeFirst() }
    }

    // MARK: Scripting and inspection

    /// Queues raw input units.
    public func send(_ units: TerminalInput...) {
        state.withLock { $0.input.append(contentsOf: units) }
    }

    /// Queues `text` as typed characters.
    public func type(_ text: String) {
        state.withLock { $0.input.append(contentsOf: text.unicodeScalars.map { .scalar($0) }) }
    }

    /// Changes the size and queues the resize notice, as SIGWINCH would.
    public func resize(width: Int, height: Int) {
        state.withLock {
            $0.screen = CellGrid(width: width, height: height)
            $0.input.append(.resize(width: width, height: height))
        }
    }

    /// Whether all queued input has been read.
    public var inputDrained: Bool { state.withLock { $0.input.isEmpty } }

    /// The screen as text rows.
    public var lines: [String] { state.withLock { $0.screen.lines } }
    public var screen: CellGrid { state.withLock { $0.screen } }
    public var cursor: CursorPosition? { state.withLock { $0.cursor } }
    public var flushCount: Int { state.withLock { $0.flushes } }
    public var appliedCellCount: Int { state.withLock { $0.appliedCells } }
}
