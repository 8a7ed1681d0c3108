import ArenaCore
import ArgumentParser

/// `arena export --format jsonl|csv`: argument-parser refuses other values and `--help` lists these.
extension ExportFormat: ExpressibleByArgument {}
