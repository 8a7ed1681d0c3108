/// Aligns rows of cells into columns: numbers right-aligned, text left-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Columns (by index) aligned to the right.
    var numeric: Set<Int>

    func lines() -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(widths[column] - cell.count, 0))
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
    }
}
