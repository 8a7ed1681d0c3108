/// One suite file found by `SuiteLibrary.list()`: parsed, or broken with its one-line error.
public struct SuiteEntry: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case valid(PromptSuite)
        /// The file could not be read or parsed; the error prints as `file:line: field: message`.
        case broken(ConfigError)
    }

    /// The suite's `name`, or the file's base name when the file is broken.
    public var name: String
    public var path: String
    /// The search directory the file was found in.
    public var directory: String
    public var status: Status
    /// True when a later directory (or a later file) has a suite of the same name, which wins.
    public var shadowed: Bool

    public init(name: String, path: String, directory: String, status: Status, shadowed: Bool = false) {
        self.name = name
        self.path = path
        self.directory = directory
        self.status = status
        self.shadowed = shadowed
    }

    public var suite: PromptSuite? {
        if case .valid(let suite) = status { return suite }
        return nil
    }

    public var error: ConfigError? {
        if case .broken(let error) = status { return error }
        return nil
    }

    /// 0 for a broken file.
    public var promptCount: Int { suite?.prompts.count ?? 0 }
}
