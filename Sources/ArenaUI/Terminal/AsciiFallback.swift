/// What a terminal whose locale is not UTF-8 can show: every character is mapped to one printable
/// ASCII character, keeping the layout (a two-column character becomes two).
///
/// ```swift
/// AsciiFallback.character(for: "╭")   // "+"
/// AsciiFallback.character(for: "é")   // "e"
/// AsciiFallback.character(for: "漢")  // "?" (drawn twice: the grid keeps its two columns)
/// ```
///
/// Box drawing becomes `+ - |`, the streaming cursor `#`, arrows `< > ^ v`, bullets and stars `*`,
/// typographic quotes and dashes their plain forms, and Latin letters lose their accents. Anything
/// else is `?`. Used by `AsciiTerminal`; the screen itself always draws Unicode.
public enum AsciiFallback {
    public static func character(for character: Character) -> Character {
        if character.isASCII {
            return character.asciiValue.map { $0 >= 0x20 && $0 < 0x7F } == true ? character : " "
        }
        guard let scalar = character.unicodeScalars.first else { return "?" }
        if let mapped = symbols[scalar.value] { return mapped }
        switch scalar.value {
        case 0x2500...0x257F: return boxDrawing(scalar.value)
        case 0x2580...0x259F: return "#"
        default: break
        }
        // Latin letters with accents: the base letter of the canonical decomposition.
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           base.isASCII, base.properties.isAlphabetic {
            return Character(base)
        }
        return "?"
    }

    /// The ASCII form of a box-drawing character: lines `-` and `|`, dotted verticals `:`,
    /// corners, tees and crosses `+`.
    static func boxDrawing(_ value: UInt32) -> Character {
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A:
            return "-"
        case 0x2502, 0x2503, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B:
            return "|"
        case 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F:
            return ":"
        default:
            return "+"
        }
    }

    static let symbols: [UInt32: Character] = [
        0x2026: ".", 0x00B7: ".", 0x2022: "*", 0x25CF: "*", 0x25CB: "o", 0x2605: "*", 0x2606: "*",
        0x25B8: ">", 0x25B6: ">", 0x25BE: "v", 0x25C6: "*", 0x25A0: "#", 0x25A1: "#", 0x203A: ">", 0x2039: "<",
        0x2190: "<", 0x2192: ">", 0x2191: "^", 0x2193: "v", 0x2195: "|", 0x21BB: "@",
        0x2013: "-", 0x2014: "-", 0x2212: "-", 0x2010: "-", 0x2011: "-",
        0x2018: "'", 0x2019: "'", 0x201A: ",", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x00AB: "<", 0x00BB: ">",
        0x00D7: "x", 0x2265: ">", 0x2264: "<", 0x2248: "~", 0x00B1: "+", 0x2260: "#", 0x221E: "8",
        0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x", 0x26A0: "!", 0x2298: "0", 0x2205: "0",
        0x00B0: "o", 0x00B5: "u", 0x03BC: "u", 0x00A0: " ", 0x2016: "|", 0x2020: "+", 0x2021: "+",
        0xFF1F: "?", 0x00A7: "S", 0x00BD: "/", 0x00B2: "2", 0x00B3: "3",
    ]
}
