import Yams

/// Writes a suite file that `SuiteParser` reads back exactly: the traffic suites `arena gateway`
/// captures are ordinary suite files, so `arena judge`, `run`, `recommend` and `suites` need
/// nothing new to use them.
///
/// ```swift
/// let text = try TrafficSuiteWriter.header(name: "support-traffic", description: "…")
///     + TrafficSuiteWriter.entry(prompt)                 // append more entries later, one at a time
/// try SuiteParser(file: path).parse(text).prompts        // == [prompt]
/// ```
///
/// The file is `name`, `description`, `tags` and then `prompts:` last, so a new prompt is one
/// append at the end (`entry`), never a rewrite. Every string is written double-quoted, or as a
/// literal block when it has several lines, and `{{` is written `\{{` so the template renderer
/// gives the captured text back unchanged.
///
/// Trap: a file needs at least one prompt (`SuiteParser` refuses an empty list): write the header
/// together with the first entry.
public enum TrafficSuiteWriter {
    public static func header(name: String, description: String, tags: [String] = ["traffic"],
                              system: String? = nil, params: GenerationParams = GenerationParams()) throws -> String {
        var pairs: [(Node, Node)] = [(key("name"), text(name)), (key("description"), text(description))]
        if !tags.isEmpty { pairs.append((key("tags"), Node(tags.map(text), .implicit, .flow))) }
        if let system { pairs.append((key("system"), text(escapeTemplate(system)))) }
        if let node = paramsNode(params) { pairs.append((key("params"), node)) }
        return try Yams.serialize(node: Node(pairs), width: -1, allowUnicode: true) + "prompts:\n"
    }

    /// One prompt as the text to append after `prompts:` (a one-item sequence at column 0).
    public static func entry(_ prompt: SuitePrompt) throws -> String {
        var pairs: [(Node, Node)] = [(key("id"), text(prompt.id))]
        if let split = prompt.split { pairs.append((key("split"), text(split.rawValue))) }
        if !prompt.tags.isEmpty { pairs.append((key("tags"), Node(prompt.tags.map(text), .implicit, .flow))) }
        if !prompt.notes.isEmpty { pairs.append((key("notes"), text(escapeTemplate(prompt.notes)))) }
        if let params = prompt.params, let node = paramsNode(params) { pairs.append((key("params"), node)) }
        let messages = prompt.messages.map { message -> Node in
            Node([(key("role"), text(message.role.rawValue)), (key("content"), text(escapeTemplate(message.content)))])
        }
        pairs.append((key("messages"), Node(messages)))
        let yaml = try Yams.serialize(node: Node([Node(pairs)]), width: -1, allowUnicode: true)
        // Never expected with the styles above; an end marker would end the suite for the parser.
        return yaml.hasSuffix("...\n") ? String(yaml.dropLast(4)) : yaml
    }

    /// `{{` as `\{{`, the renderer's one escape (it takes one backslash off before `{{`, so an
    /// existing `\{{` becomes `\\{{` and comes back as `\{{`).
    static func escapeTemplate(_ value: String) -> String {
        value.contains("{{") ? value.replacingOccurrences(of: "{{", with: "\\{{") : value
    }

    private static func key(_ name: String) -> Node { Node(name, .implicit, .plain) }

    /// A literal block for readable multi-line text; double-quoted (every character escaped as
    /// needed) otherwise, and for text ending in a line break, whose block form (`|+`) would need
    /// a document end marker (`...`) that no append could follow.
    private static func text(_ value: String) -> Node {
        let block = value.contains("\n") && !value.hasSuffix("\n") && !value.contains("\r")
        return Node(value, .implicit, block ? .literal : .doubleQuoted)
    }

    private static func paramsNode(_ params: GenerationParams) -> Node? {
        var pairs: [(Node, Node)] = []
        if let value = params.temperature { pairs.append((key("temperature"), Node("\(value)", .implicit, .plain))) }
        if let value = params.topP { pairs.append((key("top_p"), Node("\(value)", .implicit, .plain))) }
        if let value = params.maxTokens { pairs.append((key("max_tokens"), Node("\(value)", .implicit, .plain))) }
        if let value = params.seed { pairs.append((key("seed"), Node("\(value)", .implicit, .plain))) }
        if let value = params.stop { pairs.append((key("stop"), Node(value.map(text), .implicit, .flow))) }
        return pairs.isEmpty ? nil : Node(pairs, .implicit, .flow)
    }
}
