import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the process is attached to: terminals, colour, width.
enum TerminalInfo {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour on standard output: a terminal, and neither `NO_COLOR` nor `TERM=dumb`.
    static var useColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        return stdoutIsTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// Columns of the output terminal, or 100 when it is not one.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}

/// ANSI styling that disappears when colour is off.
struct Style: Sendable {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    /// A distinct colour per seat label.
    func seat(_ index: Int, _ text: String) -> String {
        let colors = ["36", "35", "33", "32", "34", "91", "96", "95"]
        return wrap(text, "1;" + colors[index % colors.count])
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Writes whole strings to standard output / error without interleaving across threads.
final class ConsoleWriter: Sendable {
    private let lock = NSLock()

    func out(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func err(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
