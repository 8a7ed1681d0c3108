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
        /// `nextInput` calls that found nothing queued: the loop's passes while idle.
        var idlePolls = 0
        var pollWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
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
        let (unit, ready) = state.withLock { state -> (TerminalInput?, [CheckedContinuation<Void, Never>]) in
            if !state.input.isEmpty { return (state.input.removeFirst(), []) }
            state.idlePolls += 1
            let count = state.idlePolls
            defer { state.pollWaiters.removeAll { $0.count <= count } }
            return (nil, state.pollWaiters.filter { $0.count <= count }.map(\.continuation))
        }
        for continuation in ready { continuation.resume() }
        return unit
    }

    // MARK: Scripting and inspection

    /// How many times the reader found no input queued.
    public var idlePollCount: Int { state.withLock { $0.idlePolls } }

    /// Returns once the reader has found no input `more` more times from now: everything typed
    /// before the call has been read, and the loop has gone round (with a manual clock, time has
    /// not moved meanwhile).
    public func idlePolls(more: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            state.withLock { state in state.pollWaiters.append((state.idlePolls + more, continuation)) }
        }
    }

    /// Whether the screen comes to satisfy `condition` (its lines joined by newlines) within
    /// `passes` idle passes of the loop reading it: checked after each, no wall-clock polling.
    /// Traps: waits for the loop, so it returns only while one runs (give the test a time limit).
    public func waitFor(passes: Int = 3000, _ condition: (String) -> Bool) async -> Bool {
        for _ in 0..<passes {
            if condition(lines.joined(separator: "\n")) { return true }
            await idlePolls(more: 1)
        }
        return condition(lines.joined(separator: "\n"))
    }

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
