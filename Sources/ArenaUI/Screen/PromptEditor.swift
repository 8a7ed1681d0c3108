/// The multi-line prompt being typed, with a cursor and a history of sent prompts.
///
/// ```swift
/// var editor = PromptEditor()
/// editor.insert("first line"); editor.insertNewline(); editor.insert("second")
/// editor.take()         // "first line\nsecond" (and it goes into the history)
/// editor.historyPrevious()   // brings it back
/// ```
///
/// Lines are arrays of grapheme clusters; a combining mark typed on its own joins the character
/// before it. Up/Down move between lines, and recall history only from the first/last line.
public struct PromptEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]] = [[]]
    /// Cursor row and column (in characters).
    public private(set) var row = 0
    public private(set) var column = 0
    public private(set) var history: [String]
    private var historyIndex: Int?
    private var draft: String?

    public init(history: [String] = []) { self.history = history }

    /// Older prompts (from the store) go before the ones sent since.
    public mutating func prependHistory(_ older: [String]) {
        history = older + history
        if let index = historyIndex { historyIndex = index + older.count }
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    public mutating func insert(_ text: String) {
        for character in text.replacingCRLF() {
            if character == "\n" {
                insertNewline()
            } else if character == "\t" {
                insert(character: " ")
                insert(character: " ")
            } else {
                insert(character: character)
            }
        }
    }

    public mutating func insert(character: Character) {
        let width = DisplayWidth.of(character)
        if width == 0 {
            guard character.unicodeScalars.first.map({ $0.value >= 0x300 }) ?? false, column > 0 else { return }
            var merged = String(lines[row][column - 1])
            merged.append(character)
            if merged.count == 1 { lines[row][column - 1] = Character(merged) }
            return
        }
        lines[row].insert(character, at: column)
        column += 1
        historyIndex = nil
    }

    public mutating func insertNewline() {
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines.insert(rest, at: row + 1)
        row += 1
        column = 0
    }

    public mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            let line = lines.remove(at: row)
            row -= 1
            column = lines[row].count
            lines[row].append(contentsOf: line)
        }
    }

    public mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            let line = lines.remove(at: row + 1)
            lines[row].append(contentsOf: line)
        }
    }

    /// Ctrl-W: deletes the word before the cursor.
    public mutating func deleteWordBackward() {
        while column > 0, lines[row][column - 1] == " " { backspace() }
        while column > 0, lines[row][column - 1] != " " { backspace() }
    }

    public mutating func moveLeft() {
        if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
    }

    public mutating func moveRight() {
        if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
    }

    public mutating func moveToLineStart() { column = 0 }
    public mutating func moveToLineEnd() { column = lines[row].count }

    /// Up: the line above, or the previous prompt from the first line. Returns false if nothing moved.
    @discardableResult
    public mutating func moveUp() -> Bool {
        if row > 0 {
            row -= 1
            column = min(column, lines[row].count)
            return true
        }
        return historyPrevious()
    }

    /// Down: the line below, or the next prompt from the last line.
    @discardableResult
    public mutating func moveDown() -> Bool {
        if row + 1 < lines.count {
            row += 1
            column = min(column, lines[row].count)
            return true
        }
        return historyNext()
    }

    @discardableResult
    public mutating func historyPrevious() -> Bool {
        guard !history.isEmpty else { return false }
        let index: Int
        if let current = historyIndex {
            guard current > 0 else { return false }
            index = current - 1
        } else {
            draft = text
            index = history.count - 1
        }
        historyIndex = index
        load(history[index])
        return true
    }

    @discardableResult
    public mutating func historyNext() -> Bool {
        guard let current = historyIndex else { return false }
        if current + 1 < history.count {
            historyIndex = current + 1
            load(history[current + 1])
        } else {
            historyIndex = nil
            load(draft ?? "")
            draft = nil
        }
        return true
    }

    /// Empties the editor.
    public mutating func clear() {
        lines = [[]]
        row = 0
        column = 0
        historyIndex = nil
    }

    /// Returns the text, trimmed, adds it to the history (once) and empties the editor.
    public mutating func take() -> String {
        let sent = text.trimmingWhitespace()
        if !sent.isEmpty, history.last != sent { history.append(sent) }
        clear()
        draft = nil
        return sent
    }

    private mutating func load(_ text: String) {
        let saved = historyIndex
        let savedDraft = draft
        clear()
        insert(text)
        historyIndex = saved
        draft = savedDraft
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
