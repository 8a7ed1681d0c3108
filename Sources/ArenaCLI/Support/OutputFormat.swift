import ArgumentParser

/// `--format` of a command that prints a table by default and can print JSON or CSV instead.
///
/// ```swift
/// @Option(help: "How to print the result.") var format: OutputFormat = .table
/// ```
/// A bad value is refused by argument-parser, which names the allowed ones; `--help` lists them.
/// Commands whose formats differ (such as `export`'s jsonl/csv) use their own enum.
enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case table
    case json
    case csv
}
