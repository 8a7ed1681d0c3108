import Yams

/// Parses theme files (YAML) into typed `Theme`s, with errors that name file, line and field.
///
/// ```yaml
/// name: mine
/// base: dark              # optional: unset slots come from this built-in theme
/// styles:
///   heading: { fg: bright-cyan, bold: true }
///   inline-code: { fg: "#d7af5f", bg: 236 }
/// ```
///
/// Style keys: `fg`, `bg` (a colour) and `bold`, `dim`, `italic`, `underline`, `reverse` (true/false).
/// Colours: `default`, the eight names `black red green yellow blue magenta cyan white`, each with a
/// `bright-` form, a number 0–255, or `#rrggbb` (mapped to the nearest of the 256 colours).
public enum ThemeLoader {
    /// Parses `yaml`; `file` names it in errors.
    public static func parse(_ yaml: String, file: String) throws(ThemeError) -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ThemeError(file: file, field: "", message: "invalid YAML: \(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw ThemeError(file: file, line: root?.mark?.line, column: root?.mark?.column, field: "",
                             message: "expected a mapping with `name` and `styles`")
        }
        var name: String?
        var fallback: Theme?
        var styles: [ThemeSlot: Style] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                guard let text = value.string, !text.isEmpty else {
                    throw error(value, file: file, field: "name", "expected a non-empty name")
                }
                name = text
            case "description":
                continue
            case "base":
                let baseName = value.string ?? ""
                guard baseName != "none" else { continue }
                guard let base = try? builtin(named: baseName) else {
                    throw error(value, file: file, field: "base",
                                "unknown built-in theme \"\(baseName)\" (have: \(BuiltinThemes.names.joined(separator: ", ")))")
                }
                fallback = base
            case "styles":
                guard let entries = value.mapping else {
                    throw error(value, file: file, field: "styles", "expected a mapping of slot: style")
                }
                for (slotNode, styleNode) in entries {
                    let slotKey = slotNode.string ?? ""
                    guard let slot = ThemeSlot(key: slotKey) else {
                        throw error(slotNode, file: file, field: "styles.\(slotKey)", "unknown slot (known: \(knownSlots))")
                    }
                    styles[slot] = try style(styleNode, file: file, field: "styles.\(slotKey)")
                }
            default:
                throw error(keyNode, file: file, field: key, "unknown field (expected name, description, base, styles)")
            }
        }
        guard let name else {
            throw ThemeError(file: file, line: root.mark?.line, column: root.mark?.column, field: "name", message: "missing")
        }
        return Theme(name: name, styles: styles, fallback: fallback)
    }

    /// One of the themes shipped in `themes/`.
    public static func builtin(named name: String) throws(ThemeError) -> Theme {
        guard let source = BuiltinThemes.source(named: name) else {
            throw ThemeError(file: "\(name).yaml", field: "", message: "no such built-in theme")
        }
        return try parse(source, file: "themes/\(name).yaml")
    }

    static var knownSlots: String { ThemeSlot.allCases.map(\.key).joined(separator: ", ") }

    static func style(_ node: Node, file: String, field: String) throws(ThemeError) -> Style {
        guard let mapping = node.mapping else {
            throw error(node, file: file, field: field, "expected a mapping such as { fg: red, bold: true }")
        }
        var style = Style()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "\(field).\(key)"
            switch key {
            case "fg": style.foreground = try color(value, file: file, field: path)
            case "bg": style.background = try color(value, file: file, field: path)
            case "bold", "dim", "italic", "underline", "reverse":
                guard let flag = value.bool else {
                    throw error(value, file: file, field: path, "expected true or false")
                }
                let attribute: TextAttributes = switch key {
                case "bold": .bold
                case "dim": .dim
                case "italic": .italic
                case "underline": .underline
                default: .reverse
                }
                if flag { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
            default:
                throw error(keyNode, file: file, field: path,
                            "unknown style key (expected fg, bg, bold, dim, italic, underline, reverse)")
            }
        }
        return style
    }

    static func color(_ node: Node, file: String, field: String) throws(ThemeError) -> Color {
        let text = (node.string ?? "").lowercased()
        if let parsed = ColorName.parse(text) { return parsed }
        throw error(node, file: file, field: field,
                    "unknown colour \"\(node.string ?? "")\" (use a name such as red or bright-blue, 0–255 or #rrggbb)")
    }

    static func error(_ node: Node, file: String, field: String, _ message: String) -> ThemeError {
        ThemeError(file: file, line: node.mark?.line, column: node.mark?.column, field: field, message: message)
    }

    static func yamlError(_ error: YamlError, file: String) -> ThemeError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ThemeError(file: file, line: mark.line, column: mark.column, field: "", message: "invalid YAML: \(problem)")
        default:
            return ThemeError(file: file, field: "", message: "invalid YAML")
        }
    }
}
