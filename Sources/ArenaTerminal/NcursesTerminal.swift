import ArenaUI
import CNcursesw
import Foundation
import Glibc

/// Why the ncurses terminal could not start.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The real `TerminalDevice`: ncursesw in wide-character mode, owned by one thread.
///
/// ```swift
/// let terminal = try NcursesTerminal.open()
/// defer { terminal.close() }
/// ```
///
/// Traps: create, use and close it on the same thread (ncurses is not thread-safe). Cells whose
/// width ncurses (libc `wcwidth`) sees differently from `DisplayWidth` are padded or replaced, so
/// columns always match the grid; ZWJ sequences, skin tones and flags are drawn as their first
/// character (ncurses would split them).
public final class NcursesTerminal: TerminalDevice {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: NcursesColors
    private var closed = false
    private var cursorVisible = false
    /// What the user's locale can show; `.ascii` when it is not UTF-8 (wrap in `AsciiTerminal`).
    public private(set) var charset: TerminalCharset = .unicode

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>) {
        self.screen = screen
        self.window = window
        self.colors = NcursesColors()
    }

    /// Starts ncurses on the process's terminal and installs the restore handlers.
    public static func open() throws -> NcursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(message: "arena's screen needs a terminal (stdin and stdout must be a TTY)")
        }
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        let environment = ProcessInfo.processInfo.environment
        let charset = TerminalCharset.detect(codeset: codeset, environment: environment)
        // ncursesw needs a multibyte locale to take wide characters; in ASCII mode only ASCII is
        // drawn, which is the same bytes in every codeset.
        if __ctype_get_mb_cur_max() == 1 { setlocale(LC_CTYPE, "C.UTF-8") }
        TerminalRestore.saveModes()
        guard let screen = arena_newterm(), let window = arena_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError(message: "cannot start ncurses for TERM=\(term)")
        }
        TerminalRestore.install()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        mouseinterval(0)
        mousemask(arena_button1_pressed() | arena_button4_pressed() | arena_button5_pressed(), nil)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        let terminal = NcursesTerminal(screen: screen, window: window)
        terminal.charset = charset
        terminal.colors = NcursesColors(colorCount: Int(has_colors() ? arena_colors() : 0),
                                        pairLimit: Int(has_colors() ? arena_color_pairs() : 0))
        writeRaw("\u{1B}[?2004h")   // bracketed paste: a pasted newline must not send the prompt
        return terminal
    }

    /// Ends ncurses and restores the terminal. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        Self.writeRaw("\u{1B}[?2004l")
        endwin()
        delscreen(screen)
        TerminalRestore.uninstall()
    }

    deinit { close() }

    /// Whether SIGINT/SIGTERM/SIGHUP asked to quit (for `ScreenRunLoop.Options.externalQuit`).
    public static var quitRequested: Bool { TerminalRestore.quitRequested }

    // MARK: TerminalDevice

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func apply(_ changes: [CellChange]) {
        var cell = cchar_t()
        for change in changes {
            let (text, padding) = drawable(change.cell)
            let pair = colors.pair(for: change.cell.style)
            let attributes = NcursesColors.attributes(change.cell.style.attributes)
            text.withUnsafeBufferPointer { buffer in
                _ = arena_setcchar(&cell, buffer.baseAddress, attributes, Int32(pair))
            }
            mvwadd_wch(window, Int32(change.y), Int32(change.x), &cell)
            if padding {
                var space = cchar_t()
                var blank: [wchar_t] = [32, 0]
                _ = arena_setcchar(&space, &blank, attributes, Int32(pair))
                mvwadd_wch(window, Int32(change.y), Int32(change.x + 1), &space)
            }
        }
    }

    public func flush(cursor: CursorPosition?) {
        if let cursor {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var character = wint_t(0)
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return functionKey(Int32(character)) }
        guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
        return .scalar(scalar)
    }

    public func invalidate() {
        clearok(arena_curscr(), true)
    }

    // MARK: Helpers

    /// The wide characters to draw for a cell, and whether a space must follow to fill 2 columns.
    private func drawable(_ cell: Cell) -> ([wchar_t], Bool) {
        let scalars = Array(cell.character.unicodeScalars)
        guard let first = scalars.first else { return ([32, 0], false) }
        let libcWidth = Int(wcwidth(wchar_t(bitPattern: first.value)))
        var text: [wchar_t] = [wchar_t(bitPattern: first.value)]
        // Combining marks ride along (ncurses keeps up to 4 per cell); other clusters are cut.
        for scalar in scalars.dropFirst() where text.count < 5 {
            let category = scalar.properties.generalCategory
            guard category == .nonspacingMark || category == .enclosingMark else { break }
            text.append(wchar_t(bitPattern: scalar.value))
        }
        text.append(0)
        switch (Int(cell.width), libcWidth) {
        case (2, 2), (1, 1): return (text, false)
        case (2, 1): return (text, true)
        case (2, _): return ([0xFF1F, 0], false)          // fullwidth "？"
        default: return ([0x3F, 0], false)                  // "?" where libc disagrees
        }
    }

    private func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: return .resize(width: size.width, height: size.height)
        case KEY_MOUSE: return mouse()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case arena_key_f0() + 1 ... arena_key_f0() + 24: return .key(.function(Int(code - arena_key_f0())))
        default: return nil
        }
    }

    private func mouse() -> TerminalInput? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & arena_button4_pressed() != 0 { return .mouse(.wheelUp(x: x, y: y)) }
        if event.bstate & arena_button5_pressed() != 0 { return .mouse(.wheelDown(x: x, y: y)) }
        if event.bstate & (arena_button1_pressed() | arena_button1_clicked()) != 0 { return .mouse(.press(x: x, y: y)) }
        return nil
    }

    static func writeRaw(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
