import Yams

extension SuiteParser {
    static let messageKeys: Set<String> = ["role", "content"]

    /// A `messages:` list: an optional leading system message, then user and assistant turns
    /// alternating from user to user. Providers (Anthropic, Gemini) reject or drop anything else,
    /// so it is caught here, with a line number, rather than as a failed request mid-run.
    func parseMessages(_ node: Node, at path: String, vars: [String: String]) throws -> [ChatMessage] {
        let items = try reader.sequence(node, at: path)
        guard !items.isEmpty else { throw reader.error(node, path, "lists no messages") }
        var messages: [ChatMessage] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let map = try reader.mapping(item, at: itemPath, allowed: Self.messageKeys)
            let roleNode = try map.required("role")
            let roleText = try reader.string(roleNode, at: "\(itemPath).role")
            guard let role = ChatMessage.Role(rawValue: roleText) else {
                throw reader.error(roleNode, "\(itemPath).role",
                                   "unknown role \"\(roleText)\" (expected user, assistant or system)")
            }
            let previous = messages.last?.role
            if role == .system, index > 0 {
                throw reader.error(roleNode, "\(itemPath).role",
                                   "only the first message may be a system message (it replaces the suite's system)")
            }
            if role == .assistant, previous == nil || previous == .system {
                throw reader.error(roleNode, "\(itemPath).role",
                                   "the conversation must start with a user message (after an optional system message)")
            }
            if role != .system, role == previous {
                throw reader.error(roleNode, "\(itemPath).role",
                                   "follows another \(roleText) message; user and assistant turns alternate")
            }
            let contentNode = try map.required("content")
            let raw = try reader.string(contentNode, at: "\(itemPath).content")
            guard !raw.allSatisfy(\.isWhitespace) else {
                throw reader.error(contentNode, "\(itemPath).content", "is empty")
            }
            let content = try render(raw, vars: vars, node: contentNode, at: "\(itemPath).content")
            messages.append(ChatMessage(role: role, content: content))
        }
        guard messages.last?.role == .user else {
            throw reader.error(items.last, path, "must end with a user message (the one the models answer)")
        }
        return messages
    }
}
