/// Fills `{{name}}` placeholders in suite text from a prompt's `vars`.
///
/// ```swift
/// try SuiteTemplate.render("Order {{ order }} is late", vars: ["order": "A-17"])  // "Order A-17 is late"
/// try SuiteTemplate.render(#"Go templates use \{{ .Name }}"#, vars: [:])        // "Go templates use {{ .Name }}"
/// ```
///
/// Rules: spaces inside the braces are ignored; a name is letters, digits, `_` and `-`; `\{{` is a
/// literal `{{` (the only escape; a backslash anywhere else is an ordinary character). A lone `}}` is
/// literal. Substituted values are not rendered again, so a value may contain `{{`.
///
/// Trap: in a YAML double-quoted string the backslash itself must be doubled (`"\\{{"`); in plain,
/// single-quoted and block (`|`) scalars write `\{{` as is.
enum SuiteTemplate {
    enum Failure: Error, Equatable {
        /// `{{name}}` with no value in scope.
        case undefined(String)
        /// `{{` with no `}}` after it.
        case unclosed
        /// `{{…}}` whose inside is not a variable name (the inside as written).
        case badName(String)
    }

    static func render(_ text: String, vars: [String: String]) throws(Failure) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            if before.last == "\\" {
                output += before.dropLast()
                output += "{{"
                rest = rest[open.upperBound...]
                continue
            }
            output += before
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { throw .unclosed }
            let inside = afterOpen[..<close.lowerBound]
            let name = inside.trimmingSpaces
            guard isName(name) else { throw .badName(String(inside)) }
            guard let value = vars[name] else { throw .undefined(name) }
            output += value
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    /// Letters, digits, `_` and `-`, starting with a letter or `_`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

private extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
