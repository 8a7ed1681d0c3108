/// A key the terminal decoded (arrows, function keys) or one we decode ourselves from control codes.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, CJK, emoji …).
    case character(Character)
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert
    case function(Int)
    /// Ctrl plus a lowercase letter (`.control("c")`), except those with their own case
    /// (Ctrl-I is `.tab`, Ctrl-M is `.enter`, Ctrl-H is `.backspace`). Ctrl-J is `.control("j")`.
    case control(Character)
}

/// A key with its Alt (Meta) state; Alt arrives as an Esc prefix.
public struct KeyPress: Sendable, Hashable, CustomStringConvertible {
    public var key: Key
    public var alt: Bool

    public init(_ key: Key, alt: Bool = false) {
        self.key = key
        self.alt = alt
    }

    public static func char(_ character: Character) -> KeyPress { KeyPress(.character(character)) }
    public static func ctrl(_ letter: Character) -> KeyPress { KeyPress(.control(letter)) }

    public var description: String { (alt ? "Alt-" : "") + "\(key)" }
}

/// A mouse action at a cell (0-based column `x`, row `y`).
public enum MouseEvent: Sendable, Hashable {
    case press(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}

/// The raw units a `TerminalDevice` reads. `InputDecoder` turns them into key presses, pastes and
/// mouse events (it handles Esc prefixes and bracketed paste, which ncurses leaves to us).
public enum TerminalInput: Sendable, Hashable {
    /// One character unit as typed: printable scalars and control codes (Esc = 27, Enter = 13, …).
    case scalar(Unicode.Scalar)
    /// A key the device decoded itself (KEY_UP …).
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; the device already knows the new size.
    case resize(width: Int, height: Int)
}

/// Terminal size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Where to show the terminal's cursor after a frame (nil: hidden).
public struct CursorPosition: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
