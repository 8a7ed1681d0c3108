import ArenaCore
import ArgumentParser

/// `--models a,b,…`: the models a command works with, parsed once for every command.
///
/// ```swift
/// @OptionGroup var selection: ModelSelection
/// let chosen = try selection.chosen(from: config)   // every configured model without --models
/// ```
/// Names are split at commas and trimmed; empty pieces are dropped, so `--models ""` means
/// every model, as it always has. A repeated name is refused here, before anything is loaded;
/// unknown names by `ArenaConfig.select`.
struct ModelSelection: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only these models, by name (default: every one).", valueName: "a,b,..."))
    var models: String?

    /// The names given, in order; empty without `--models`.
    var names: [String] {
        models?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
    }

    /// The names given, or nil for "no restriction".
    var restriction: [String]? { names.isEmpty ? nil : names }

    func validate() throws {
        var seen = Set<String>()
        var repeated: [String] = []
        for name in names where !seen.insert(name).inserted && !repeated.contains(name) { repeated.append(name) }
        guard repeated.isEmpty else {
            // The same words as `ArenaConfig.select`, so the message does not depend on which check ran.
            throw ValidationError("\(repeated.joined(separator: ", ")) named more than once; a model takes one seat in a battle, "
                                  + "so name each model once")
        }
    }

    /// The configured models named (all of them without `--models`); a bad name is bad input.
    func chosen(from config: ArenaConfig) throws -> [ModelConfig] {
        do { return try config.select(names) } catch { throw CLIFailure.badInput(error.message) }
    }
}
