/// A theme file that could not be used, with the place to fix: file, line, column and field.
///
/// `description` is the one line the screen shows before falling back to the default theme, e.g.
/// `mine.yaml:7:9: styles.heading.fg: unknown colour "purpel" (use a name such as red or bright-blue, 0–255 or #rrggbb)`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Dotted path of the offending field (`styles.heading.fg`), empty for whole-file problems.
    public var field: String
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line, let column, line > 0 { place += ":\(column)" }
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}
