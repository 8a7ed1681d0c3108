/// One cell of the screen: a grapheme cluster and its style. A two-column character occupies its
/// cell (`width == 2`) and the next one (a continuation cell, `width == 0`).
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: Style
    /// 1 for an ordinary cell, 2 for the left half of a wide character, 0 for its right half.
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.character = character
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory screen of `width × height` cells that widgets paint into.
///
/// ```swift
/// var grid = CellGrid(width: 20, height: 2)
/// grid.write("漢字 ok", x: 0, y: 0, style: .plain)
/// grid.lines  // ["漢字 ok             ", "                    "]
/// ```
///
/// Traps: painting is clipped to the grid and to the optional `clip` rect; a wide character that
/// would straddle the clip edge is replaced by a space; overwriting half of a wide character blanks
/// the other half, so the grid is always consistent with what a terminal would show.
public struct CellGrid: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Puts one character at (x, y); returns the columns it advanced (0 if nothing fits).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let w = DisplayWidth.of(character)
        guard w > 0 else { return 0 }
        let limit = clip.map { $0.maxX } ?? width
        let left = clip.map { $0.x } ?? 0
        guard y >= 0, y < height, x >= 0, x >= left, x < min(limit, width) else { return w }
        if let clip, y < clip.y || y >= clip.maxY { return w }
        if w == 2 && x + 1 >= min(limit, width) {
            setCell(Cell(" ", style: style), x: x, y: y)
            return 1
        }
        setCell(Cell(character, style: style, width: UInt8(w)), x: x, y: y)
        if w == 2 { setCell(Cell(" ", style: style, width: 0), x: x + 1, y: y) }
        return w
    }

    /// Writes `text` from (x, y) on one row, clipped; returns the columns used.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        var column = x
        let limit = min(clip.map { $0.maxX } ?? width, width)
        for character in text {
            if column >= limit { break }
            column += put(character, x: column, y: y, style: style, clip: clip)
        }
        return column - x
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(character, style: style)
        for y in y0..<y1 {
            if x0 > 0, cells[y * width + x0].isContinuation { cells[y * width + x0 - 1] = Cell(" ", style: style) }
            if x1 < width, cells[y * width + x1].isContinuation { cells[y * width + x1] = Cell(" ", style: style) }
            for x in x0..<x1 { cells[y * width + x] = cell }
        }
    }

    /// Changes the style of the cells in `rect`, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The grid as text, one string per row (continuation cells omitted): a test's picture.
    public var lines: [String] {
        (0..<height).map { row($0) }
    }

    /// One row as text.
    public func row(_ y: Int) -> String {
        var text = ""
        text.reserveCapacity(width)
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return text
    }
}
