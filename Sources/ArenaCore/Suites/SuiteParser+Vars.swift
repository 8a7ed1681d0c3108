import Yams

extension SuiteParser {
    /// A `vars:` mapping of name → scalar, kept as written (`7`, `1.50` and `yes` stay text).
    func parseVars(_ node: Node, at path: String) throws -> [String: String] {
        guard case .mapping(let map) = node else {
            throw reader.error(node, path, "must be a mapping of `name: value` lines")
        }
        var vars: [String: String] = [:]
        for (keyNode, valueNode) in map {
            let name = keyNode.scalar?.string ?? ""
            let field = reader.join(path, name)
            guard SuiteTemplate.isName(name) else {
                throw reader.error(keyNode, field, "not a variable name (letters, digits, _ and -, starting with a letter or _)")
            }
            guard vars[name] == nil else { throw reader.error(keyNode, field, "appears twice") }
            let value = try reader.string(valueNode, at: field)
            if case .scalar(let scalar) = valueNode, scalar.style == .plain,
               ["", "~", "null", "Null", "NULL"].contains(value) {
                throw reader.error(valueNode, field, "has no value (write \"\" for an empty string)")
            }
            vars[name] = value
        }
        return vars
    }

    /// `text` with `{{vars}}` filled in; a failure names `path` at `node`'s line.
    func render(_ text: String, vars: [String: String], node: Node, at path: String) throws -> String {
        do {
            return try SuiteTemplate.render(text, vars: vars)
        } catch .undefined(let name) {
            let known = vars.keys.sorted()
            let scope = known.isEmpty ? "no vars are defined here" : "defined: \(known.joined(separator: ", "))"
            throw reader.error(node, path, "undefined variable {{\(name)}} (\(scope))")
        } catch .unclosed {
            throw reader.error(node, path, "\"{{\" is not closed by \"}}\" (write \\{{ for a literal {{)")
        } catch .badName(let inside) {
            throw reader.error(node, path,
                               "\"{{\(inside)}}\" is not a variable name (letters, digits, _ and -; write \\{{ for a literal {{)")
        }
    }
}
