import Testing
@testable import ArenaUI

@Suite struct PromptEditorTests {
    @Test func multiLineEditing() {
        var editor = PromptEditor()
        editor.insert("hello")
        editor.insertNewline()
        editor.insert("wrld")
        editor.moveLeft(); editor.moveLeft(); editor.moveLeft()
        editor.insert(character: "o")
        #expect(editor.text == "hello\nworld")
        editor.moveToLineStart()
        editor.backspace()   // joins the lines
        #expect(editor.text == "helloworld")
        #expect(editor.column == 5)
    }

    @Test func upAndDownRecallHistoryFromTheEdges() {
        var editor = PromptEditor(history: ["first", "second"])
        editor.insert("draft")
        editor.moveUp()
        #expect(editor.text == "second")
        editor.moveUp()
        #expect(editor.text == "first")
        editor.moveUp()
        #expect(editor.text == "first")
        editor.moveDown()
        editor.moveDown()
        #expect(editor.text == "draft")
    }

    @Test func upMovesBetweenLinesBeforeHistory() {
        var editor = PromptEditor(history: ["old"])
        editor.insert("a\nb")
        editor.moveUp()
        #expect(editor.text == "a\nb")
        #expect(editor.row == 0)
        editor.moveUp()
        #expect(editor.text == "old")
    }

    @Test func takeTrimsAndRemembers() {
        var editor = PromptEditor()
        editor.insert("  question \n")
        #expect(editor.take() == "question")
        #expect(editor.isEmpty)
        #expect(editor.history == ["question"])
    }

    @Test func combiningMarkJoinsThePreviousCharacter() {
        var editor = PromptEditor()
        editor.insert(character: "e")
        editor.insert(character: "\u{301}")
        #expect(editor.lines[0].count == 1)
        #expect(editor.text == "e\u{301}")
    }

    @Test func deleteWordBackward() {
        var editor = PromptEditor()
        editor.insert("one two  ")
        editor.deleteWordBackward()
        #expect(editor.text == "one ")
    }
}
