/// What the decoder makes of raw terminal input.
public enum InputEvent: Sendable, Hashable {
    case key(KeyPress)
    /// Text pasted with bracketed paste (newlines kept, never sent by Enter).
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}

/// Turns raw `TerminalInput` units into key presses: control codes, Alt as an Esc prefix,
/// bracketed paste (`Esc [200~ … Esc [201~`) and stray escape sequences (dropped).
///
/// ```swift
/// var decoder = InputDecoder()
/// decoder.feed([.scalar("\u{1B}"), .scalar("\r")])   // [.key(KeyPress(.enter, alt: true))]
/// ```
///
/// Feed one batch at a time: everything the terminal had ready. A lone Esc at the end of a batch
/// is the Esc key; a paste may span batches.
public struct InputDecoder: Sendable {
    private var pendingEscape: [Unicode.Scalar]?
    private var paste: String?

    public init() {}

    public mutating func feed(_ units: [TerminalInput]) -> [InputEvent] {
        var events: [InputEvent] = []
        for unit in units { consume(unit, into: &events) }
        if paste == nil, let pending = pendingEscape {
            pendingEscape = nil
            if pending.count == 1 { events.append(.key(KeyPress(.escape))) }
        }
        return events
    }

    private mutating func consume(_ unit: TerminalInput, into events: inout [InputEvent]) {
        if paste != nil {
            consumePaste(unit, into: &events)
            return
        }
        if var pending = pendingEscape {
            guard case .scalar(let scalar) = unit else {
                pendingEscape = nil
                if pending.count == 1 { events.append(.key(KeyPress(.escape))) }
                consume(unit, into: &events)
                return
            }
            if pending.count == 1 {
                if scalar == "[" {
                    pending.append(scalar)
                    pendingEscape = pending
                } else if scalar.value == 27 {
                    events.append(.key(KeyPress(.escape)))
                } else {
                    pendingEscape = nil
                    if var press = Self.key(for: scalar) {
                        press.alt = true
                        events.append(.key(press))
                    }
                }
                return
            }
            pending.append(scalar)
            if (0x40...0x7E).contains(scalar.value) {
                pendingEscape = nil
                let body = String(String.UnicodeScalarView(pending.dropFirst(2)))
                if body == "200~" { paste = "" }
            } else {
                pendingEscape = pending.count > 16 ? nil : pending
            }
            return
        }
        switch unit {
        case .scalar(let scalar):
            if scalar.value == 27 {
                pendingEscape = [scalar]
            } else if let press = Self.key(for: scalar) {
                events.append(.key(press))
            }
        case .key(let key):
            events.append(.key(KeyPress(key)))
        case .mouse(let mouse):
            events.append(.mouse(mouse))
        case .resize(let width, let height):
            events.append(.resize(width: width, height: height))
        }
    }

    private mutating func consumePaste(_ unit: TerminalInput, into events: inout [InputEvent]) {
        guard case .scalar(let scalar) = unit else {
            if case .key(.enter) = unit { paste?.append("\n") }
            if case .resize(let width, let height) = unit { events.append(.resize(width: width, height: height)) }
            return
        }
        paste?.unicodeScalars.append(scalar)
        guard let text = paste, text.unicodeScalars.last == "~", text.hasSuffix("\u{1B}[201~") else { return }
        var body = String(text.dropLast(6))
        body = body.replacingCRLF()
        paste = nil
        events.append(.paste(body))
    }

    /// The key for one control code or printable scalar.
    static func key(for scalar: Unicode.Scalar) -> KeyPress? {
        switch scalar.value {
        case 13: return KeyPress(.enter)
        case 9: return KeyPress(.tab)
        case 8, 127: return KeyPress(.backspace)
        case 10: return KeyPress(.control("j"))
        case 0: return nil
        case 1...26: return KeyPress(.control(Character(Unicode.Scalar(scalar.value + 96)!)))
        case 28...31: return nil
        case 0x80..<0xA0: return nil
        default: return KeyPress(.character(Character(scalar)))
        }
    }
}

extension String {
    /// CR LF and lone CR become LF.
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
