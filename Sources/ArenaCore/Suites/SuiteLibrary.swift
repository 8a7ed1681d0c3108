import Foundation

/// Finds prompt suites on disk: lists every suite in the search directories and resolves what a
/// user typed (`arena run code-review`, `arena run ./mine.yaml`) to a parsed `PromptSuite`.
///
/// ```swift
/// let library = SuiteLibrary.standard(environment: ProcessInfo.processInfo.environment)
/// for entry in library.list() { print(entry.name, entry.promptCount, entry.error?.description ?? "") }
/// let suite = try library.resolve("customer-support")
/// ```
///
/// Precedence: `directories` are listed in order, and when two suites share a name the one found
/// *later* wins. `standard` passes the repo's `prompts/` first and `$XDG_CONFIG_HOME/arena/prompts/`
/// second, so a user's copy of a shipped suite overrides it (as user themes override built-ins).
///
/// Traps: listing never throws: a broken file is an entry with its error, and a missing directory
/// is skipped (the user's folder usually does not exist). Only `*.yaml` and `*.yml` files directly in
/// a directory count; hidden files and subdirectories are ignored.
public struct SuiteLibrary: Sendable {
    /// Search directories, lowest precedence first.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Every suite file in every directory, in directory order and then by file name; entries that
    /// lose to a later suite of the same name are marked `shadowed`.
    public func list() -> [SuiteEntry] {
        var entries: [SuiteEntry] = []
        for directory in directories {
            for path in Self.suiteFiles(in: directory) {
                let status: SuiteEntry.Status
                let name: String
                do {
                    let suite = try Self.load(path: path)
                    status = .valid(suite)
                    name = suite.name
                } catch let error as ConfigError {
                    status = .broken(error)
                    name = SuiteParser(file: path).defaultName
                } catch {
                    status = .broken(ConfigError(file: path, line: nil, field: "", message: "\(error)"))
                    name = SuiteParser(file: path).defaultName
                }
                entries.append(SuiteEntry(name: name, path: path, directory: directory, status: status))
            }
        }
        var winner: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { winner[entry.name] = index }
        for index in entries.indices where winner[entries[index].name] != index {
            entries[index].shadowed = true
        }
        return entries
    }

    /// The suite for `argument`: `SUITE/TAG` for the prompts of a known suite with that tag (when no
    /// such file exists); a file path when it contains `/` or ends in `.yaml`/`.yml`; otherwise a
    /// suite name looked up in `list()` (the unshadowed one).
    ///
    /// Throws the file's own `ConfigError` when it is broken, or one naming the known suites when
    /// nothing matches.
    public func resolve(_ argument: String) throws -> PromptSuite {
        if let slash = argument.lastIndex(of: "/"), !argument.hasSuffix(".yaml"), !argument.hasSuffix(".yml"),
           !FileManager.default.fileExists(atPath: argument) {
            let name = String(argument[..<slash]), tag = String(argument[argument.index(after: slash)...])
            if !name.isEmpty, !name.contains("/"), !tag.isEmpty, list().contains(where: { $0.name == name }) {
                return try tagged(resolve(name), tag: tag, argument: argument)
            }
        }
        if argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") {
            return try Self.load(path: argument)
        }
        let entries = list()
        if let entry = entries.last(where: { $0.name == argument }) {
            switch entry.status {
            case .valid(let suite): return suite
            case .broken(let error): throw error
            }
        }
        var known: [String] = []
        for entry in entries where !known.contains(entry.name) { known.append(entry.name) }
        let searched = directories.isEmpty ? "no suite folders to search" : "searched \(directories.joined(separator: ", "))"
        let knownText = known.isEmpty ? "no suites found" : "known: \(known.sorted().joined(separator: ", "))"
        throw ConfigError(file: argument, line: nil, field: "", message: "no such suite (\(knownText); \(searched))")
    }

    /// `SUITE/TAG`: the suite's prompts with that tag (`arena gateway` files an app's
    /// `x-arena-tag` this way), under the suite's own name so its stored answers still match.
    private func tagged(_ suite: PromptSuite, tag: String, argument: String) throws -> PromptSuite {
        var part = suite
        part.prompts = suite.prompts.filter { $0.tags.contains(tag) }
        guard part.prompts.isEmpty else { return part }
        let tags = Set(suite.prompts.flatMap(\.tags)).sorted()
        throw ConfigError(file: argument, line: nil, field: "",
                          message: "no prompt of \(suite.name) is tagged \(tag) (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
    }

    /// Reads and parses one suite file; every failure is a one-line `ConfigError` about `path`.
    public static func load(path: String) throws -> PromptSuite {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(file: path, line: nil, field: "", message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(file: path, line: nil, field: "", message: "is a directory, not a suite file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, field: "", message: "cannot read the file (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, field: "", message: "is not UTF-8 text")
        }
        return try SuiteParser(file: path).parse(text)
    }

    /// Paths of `*.yaml`/`*.yml` regular files directly in `directory`, sorted; none if it is missing.
    static func suiteFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.sorted()
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .map { "\(base)/\($0)" }
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
    }
}
