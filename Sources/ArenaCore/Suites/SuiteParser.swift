import Yams

/// Parses and validates a suite file (YAML). Every failure is one `ConfigError` naming file, line
/// and field, like the config file's; unknown keys are errors, never silently ignored.
///
/// ```swift
/// let suite = try SuiteParser(file: "prompts/customer-support.yaml").parse(text)
/// ```
///
/// ```yaml
/// name: customer-support            # optional; defaults to the file's base name
/// description: Replies to customers of a small online shop
/// tags: [support]
/// system: You answer for {{ shop }}. Be brief and kind.
/// params: { temperature: 0.3, max_tokens: 400 }
/// vars: { shop: Northwind Outfitters }   # suite-wide; a prompt's own vars win
/// prompts:
///   - id: late-parcel
///     vars: { order: NW-20417 }
///     text: Where is my order {{order}}? It's a week late.
///     notes: Apologise, ask for nothing the customer already gave, give a next step.
///   - id: follow-up
///     messages:
///       - { role: user, content: My order {{ order }} never came. }
///       - { role: assistant, content: Sorry! I've reshipped it today. }
///       - { role: user, content: It's a gift for tomorrow. Can you do anything? }
///     vars: { order: NW-20418 }
///     params: { max_tokens: 200 }     # this prompt's own, over the suite's
/// ```
///
/// Traps: `{{var}}` is filled in `text`, `messages[].content` and `notes` from the prompt's `vars`,
/// then the suite's; `system` sees only the suite's `vars`. `\{{` writes a literal `{{`. A `system`
/// message is allowed only first in `messages`, and replaces the suite's `system` for that prompt.
public struct SuiteParser: Sendable {
    public let file: String
    let reader: YAMLReader

    public init(file: String) {
        self.file = file
        self.reader = YAMLReader(file: file)
    }

    static let topKeys: Set<String> = ["name", "description", "tags", "system", "params", "vars", "prompts"]
    static let promptKeys: Set<String> = ["id", "text", "messages", "vars", "tags", "notes", "split", "params"]

    /// The suite name used when the file has no `name:`: the file's name without `.yaml`/`.yml`.
    public var defaultName: String {
        var base = Substring(file.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) && base.count > suffix.count {
            base = base.dropLast(suffix.count)
            break
        }
        return String(base)
    }

    public func parse(_ text: String) throws -> PromptSuite {
        let root = try reader.parse(text)
        let top = try reader.mapping(root, at: "", allowed: Self.topKeys)

        var name = defaultName
        if top.optional("name") != nil {
            let nameNode = try top.required("name")
            name = try reader.string(nameNode, at: "name")
            try checkIdentifier(name, nameNode, at: "name")
        }
        let description = try top.optional("description").map { try reader.string($0, at: "description") } ?? ""
        let tags = try top.optional("tags").map { try reader.strings($0, at: "tags") } ?? []
        let suiteVars = try top.optional("vars").map { try parseVars($0, at: "vars") } ?? [:]
        var system: String?
        if let systemNode = top.optional("system") {
            let raw = try reader.string(systemNode, at: "system")
            system = try render(raw, vars: suiteVars, node: systemNode, at: "system")
        }
        let params = try top.optional("params").map { try ConfigParser.parseParams($0, at: "params", reader: reader) }
            ?? GenerationParams()

        let promptsNode = try top.required("prompts")
        let items = try reader.sequence(promptsNode, at: "prompts")
        guard !items.isEmpty else { throw reader.error(promptsNode, "prompts", "lists no prompts") }
        var prompts: [SuitePrompt] = []
        var firstLine: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "prompts[\(index)]"
            let map = try reader.mapping(item, at: path, allowed: Self.promptKeys)
            let idNode = try map.required("id")
            let id = try reader.string(idNode, at: "\(path).id")
            try checkIdentifier(id, idNode, at: "\(path).id")
            if let earlier = firstLine[id] {
                throw reader.error(idNode, "\(path).id", "duplicate id \"\(id)\" (first used on line \(earlier))")
            }
            firstLine[id] = idNode.mark?.line ?? 0
            prompts.append(try parsePrompt(map, id: id, at: path, suiteVars: suiteVars))
        }
        return PromptSuite(name: name, description: description, tags: tags, system: system, params: params,
                           prompts: prompts, source: file)
    }

    private func parsePrompt(_ map: YAMLReader.Mapping, id: String, at path: String,
                             suiteVars: [String: String]) throws -> SuitePrompt {
        let ownVars = try map.optional("vars").map { try parseVars($0, at: "\(path).vars") } ?? [:]
        let vars = suiteVars.merging(ownVars) { _, own in own }
        let messages: [ChatMessage]
        switch (map.optional("text"), map.optional("messages")) {
        case (.some, .some(let messagesNode)):
            throw reader.error(messagesNode, "\(path).messages",
                               "cannot be used together with text (text for one question, messages for a conversation)")
        case (.some, nil):
            let textNode = try map.required("text")
            let raw = try reader.string(textNode, at: "\(path).text")
            guard !raw.allSatisfy(\.isWhitespace) else { throw reader.error(textNode, "\(path).text", "is empty") }
            let text = try render(raw, vars: vars, node: textNode, at: "\(path).text")
            messages = [ChatMessage(role: .user, content: text)]
        case (nil, .some(let messagesNode)):
            messages = try parseMessages(messagesNode, at: "\(path).messages", vars: vars)
        case (nil, nil):
            throw reader.error(map.node, "\(path).text", "is required (or messages, for a multi-turn prompt)")
        }
        let tags = try map.optional("tags").map { try reader.strings($0, at: "\(path).tags") } ?? []
        var notes = ""
        if let notesNode = map.optional("notes") {
            notes = try render(try reader.string(notesNode, at: "\(path).notes"), vars: vars,
                               node: notesNode, at: "\(path).notes")
        }
        var split: PromptSplit?
        if let splitNode = map.optional("split") {
            let word = try reader.string(splitNode, at: "\(path).split")
            guard let parsed = PromptSplit(rawValue: word) else {
                throw reader.error(splitNode, "\(path).split", "must be dev or test (found \"\(word)\")")
            }
            split = parsed
        }
        let params = try map.optional("params").map { try ConfigParser.parseParams($0, at: "\(path).params", reader: reader) }
        return SuitePrompt(id: id, messages: messages, tags: tags, notes: notes, split: split, params: params)
    }

    /// Ids and suite names are typed on the command line and stored with results: keep them plain.
    private func checkIdentifier(_ text: String, _ node: Node, at path: String) throws {
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-"
        }
        guard allowed else {
            throw reader.error(node, path, "must use only letters, digits, \".\", \"_\" and \"-\" (found \"\(text)\")")
        }
    }
}
