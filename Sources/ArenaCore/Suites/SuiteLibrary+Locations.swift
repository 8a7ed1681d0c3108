import Foundation

extension SuiteLibrary {
    /// The library `arena` uses: the repo's `prompts/` (when found) then the user's folder.
    public static func standard(environment: [String: String],
                                executablePath: String? = Bundle.main.executablePath) -> SuiteLibrary {
        var directories: [String] = []
        if let repo = repoPromptsDirectory(environment: environment, executablePath: executablePath) {
            directories.append(repo)
        }
        directories.append(userPromptsDirectory(environment: environment))
        return SuiteLibrary(directories: directories)
    }

    /// `$XDG_CONFIG_HOME/arena/prompts` (default `~/.config/arena/prompts`), whether or not it exists.
    public static func userPromptsDirectory(environment: [String: String]) -> String {
        ConfigLocations(configOption: nil, storeOption: nil, environment: environment).configDirectory + "/prompts"
    }

    /// The shipped suites' folder: `$ARENA_PROMPTS_DIR` when set and non-empty (returned even if it
    /// does not exist, so a typo shows up as an empty listing rather than silently falling back);
    /// otherwise the `prompts/` directory beside the `Package.swift` of the package the executable was
    /// built in, found by walking up from the executable (symlinks resolved) — `swift build` puts it
    /// under `<package>/.build/…`. Nil for an installed binary with no package above it.
    public static func repoPromptsDirectory(environment: [String: String], executablePath: String?) -> String? {
        if let configured = environment["ARENA_PROMPTS_DIR"], !configured.isEmpty {
            return configured
        }
        guard let executablePath, !executablePath.isEmpty else { return nil }
        let fileManager = FileManager.default
        var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while true {
            let prompts = directory.appendingPathComponent("prompts").path
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               fileManager.fileExists(atPath: prompts, isDirectory: &isDirectory), isDirectory.boolValue {
                return prompts
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
