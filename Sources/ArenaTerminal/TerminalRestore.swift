import CNcursesw
import Glibc
import Synchronization

/// Puts the terminal back (normal screen, cursor, echo, no mouse reporting) on every way out:
/// normal return (`NcursesTerminal.close`), `exit()` (atexit), SIGINT/SIGTERM/SIGHUP/SIGQUIT and
/// crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE).
///
/// Signal handlers only do async-signal-safe things: `write(2)` of a restore sequence prepared in
/// advance from terminfo, and `tcsetattr` with the modes saved before ncurses started. The first
/// SIGINT/SIGTERM/SIGHUP asks the UI loop to quit cleanly (`quitRequested`); a second one, or any
/// crash, restores at once and re-raises the signal with its default action.
enum TerminalRestore {
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Saves the terminal modes; call before ncurses changes them.
    static func saveModes() {
        withUnsafeMutablePointer(to: &RestoreGlobals.savedModes) { pointer in
            RestoreGlobals.haveModes = tcgetattr(STDIN_FILENO, pointer) == 0
        }
    }

    /// Prepares the restore sequence and installs the handlers; call right after ncurses started.
    static func install() {
        var sequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let bytes = capabilityBytes(capability) { sequence += bytes }
        }
        if RestoreGlobals.bytes == nil {
            RestoreGlobals.bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
        }
        let count = min(sequence.count, 512)
        for index in 0..<count { RestoreGlobals.bytes![index] = sequence[index] }
        RestoreGlobals.count = count
        RestoreGlobals.active.store(true, ordering: .sequentiallyConsistent)
        RestoreGlobals.quitSignalsSeen.store(0, ordering: .sequentiallyConsistent)
        for signalNumber in quitSignals { signal(signalNumber, quitHandler) }
        for signalNumber in crashSignals { signal(signalNumber, crashHandler) }
        if !RestoreGlobals.atexitInstalled {
            RestoreGlobals.atexitInstalled = true
            atexit { TerminalRestore.emergencyRestore() }
        }
    }

    /// The normal way out has restored the terminal: handlers go back to their defaults.
    static func uninstall() {
        RestoreGlobals.active.store(false, ordering: .sequentiallyConsistent)
        for signalNumber in quitSignals + crashSignals { signal(signalNumber, SIG_DFL) }
    }

    /// Whether a quit signal arrived (polled by the UI loop).
    static var quitRequested: Bool { RestoreGlobals.quitSignalsSeen.load(ordering: .relaxed) > 0 }

    /// Async-signal-safe: writes the prepared sequence and restores the saved modes, once.
    static func emergencyRestore() {
        guard RestoreGlobals.active.exchange(false, ordering: .sequentiallyConsistent) else { return }
        if let bytes = RestoreGlobals.bytes { _ = write(STDOUT_FILENO, bytes, RestoreGlobals.count) }
        if RestoreGlobals.haveModes {
            _ = withUnsafePointer(to: &RestoreGlobals.savedModes) { tcsetattr(STDIN_FILENO, TCSANOW, $0) }
        }
    }

    private static func capabilityBytes(_ name: String) -> [UInt8]? {
        guard let pointer = tigetstr(name), Int(bitPattern: pointer) != -1 else { return nil }
        return Array(String(cString: pointer).utf8)
    }
}

private let quitHandler: @convention(c) (Int32) -> Void = { signalNumber in
    let seen = RestoreGlobals.quitSignalsSeen.add(1, ordering: .sequentiallyConsistent).newValue
    if seen > 1 || !RestoreGlobals.active.load(ordering: .sequentiallyConsistent) {
        TerminalRestore.emergencyRestore()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }
}

private let crashHandler: @convention(c) (Int32) -> Void = { signalNumber in
    TerminalRestore.emergencyRestore()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// State the signal handlers read: set up before any handler is installed, never allocated in one.
enum RestoreGlobals {
    nonisolated(unsafe) static var bytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var haveModes = false
    nonisolated(unsafe) static var atexitInstalled = false
    static let active = Atomic<Bool>(false)
    static let quitSignalsSeen = Atomic<Int>(0)
}
