/// One cell to (re)draw at (x, y). Continuation cells are never sent: drawing a wide character
/// covers the next column.
public struct CellChange: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension CellGrid {
    /// The cells that differ from `previous` (every cell when the sizes differ), in row order.
    public func changes(since previous: CellGrid?) -> [CellChange] {
        var result: [CellChange] = []
        let full = previous == nil || previous!.width != width || previous!.height != height
        for y in 0..<height {
            var x = 0
            while x < width {
                let index = y * width + x
                let cell = cells[index]
                if cell.isContinuation { x += 1; continue }
                var changed = full
                if !changed, let previous {
                    changed = previous.cells[index] != cell
                    if !changed, cell.width == 2, x + 1 < width {
                        changed = previous.cells[index + 1] != cells[index + 1]
                    }
                }
                if changed { result.append(CellChange(x: x, y: y, cell: cell)) }
                x += 1
            }
        }
        return result
    }

    /// Applies `changes` as a terminal would (for the in-memory terminal).
    public mutating func apply(_ changes: [CellChange]) {
        for change in changes {
            put(change.cell.character, x: change.x, y: change.y, style: change.cell.style)
        }
    }
}
