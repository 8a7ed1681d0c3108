/// A `TerminalDevice` that shows everything in printable ASCII on top of another device, for
/// terminals whose locale is not UTF-8 (`LANG=C`, Latin-1, …) or when `ARENA_ASCII=1`.
///
/// ```swift
/// let device: any TerminalDevice = charset == .ascii ? AsciiTerminal(wrapping: ncurses) : ncurses
/// ```
///
/// Each cell goes through `AsciiFallback`; a two-column character becomes two `?` cells, so the
/// layout and the diffing above it are unchanged. Input passes through untouched.
public final class AsciiTerminal: TerminalDevice {
    public let base: any TerminalDevice

    public init(wrapping base: any TerminalDevice) { self.base = base }

    public var size: TerminalSize { base.size }

    public func apply(_ changes: [CellChange]) {
        var mapped: [CellChange] = []
        mapped.reserveCapacity(changes.count)
        for change in changes {
            let character = AsciiFallback.character(for: change.cell.character)
            mapped.append(CellChange(x: change.x, y: change.y, cell: Cell(character, style: change.cell.style)))
            if change.cell.width == 2 {
                mapped.append(CellChange(x: change.x + 1, y: change.y, cell: Cell(character, style: change.cell.style)))
            }
        }
        base.apply(mapped)
    }

    public func flush(cursor: CursorPosition?) { base.flush(cursor: cursor) }
    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? { base.nextInput(timeoutMilliseconds: timeoutMilliseconds) }
    public func invalidate() { base.invalidate() }
}

/// Which characters the terminal can show.
public enum TerminalCharset: Sendable, Equatable {
    case unicode
    case ascii

    /// From the locale's codeset (`nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`) and the
    /// environment: `ARENA_ASCII=1` forces ASCII, `ARENA_ASCII=0` forces Unicode; otherwise
    /// Unicode exactly when the codeset is UTF-8.
    public static func detect(codeset: String, environment: [String: String]) -> TerminalCharset {
        switch environment["ARENA_ASCII"] {
        case "1", "yes", "true": return .ascii
        case "0", "no", "false": return .unicode
        default: break
        }
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8" ? .unicode : .ascii
    }
}
