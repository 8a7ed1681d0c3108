import Testing
@testable import ArenaUI

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("a漢b", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["a漢b  "])
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
    }

    @Test func wideCharacterAtTheEdgeBecomesASpace() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("ab漢", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["ab "])
    }

    @Test func clipRectStopsWriting() {
        var grid = CellGrid(width: 8, height: 2)
        grid.write("hello world", x: 1, y: 0, style: .plain, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        grid.write("row two", x: 0, y: 1, style: .plain, clip: Rect(x: 0, y: 0, width: 8, height: 1))
        #expect(grid.lines == [" hell   ", "        "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("漢字", x: 0, y: 0, style: .plain)
        grid.put("x", x: 1, y: 0, style: .plain)
        #expect(grid.lines == [" x字"])
        grid.put("y", x: 2, y: 0, style: .plain)
        #expect(grid.lines == [" xy "])
    }

    @Test func combiningMarksStayInTheirCell() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("e\u{301}x", x: 0, y: 0, style: .plain)
        #expect(grid[0, 0].character == "e\u{301}")
        #expect(grid[1, 0].character == "x")
    }

    @Test func diffSendsOnlyChangedCellsAndAppliesBack() {
        var before = CellGrid(width: 5, height: 2)
        before.write("hello", x: 0, y: 0, style: .plain)
        var after = before
        after.write("漢", x: 1, y: 1, style: Style(attributes: .bold))
        after.put("J", x: 0, y: 0, style: .plain)
        let changes = after.changes(since: before)
        #expect(changes.map { "\($0.x),\($0.y)" } == ["0,0", "1,1"])
        var screen = before
        screen.apply(changes)
        #expect(screen == after)
        #expect(after.changes(since: nil).count == 9)   // 10 cells, one continuation
    }
}
