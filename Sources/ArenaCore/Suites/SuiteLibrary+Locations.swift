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
    /// otherwise `<bin>/../share/arena/prompts` beside an installed binary (`scripts/install.sh`
    /// puts them there), tried for the executable's path as given and with symlinks resolved;
    /// otherwise the `prompts/` directory beside the `Package.swift` of the package the executable was
    /// built in, found by walking up from the executable (symlinks resolved) — `swift build` puts it
    /// under `<package>/.build/…`. Nil when there is none of these.
    public static func repoPromptsDirectory(environment: [String: String], executablePath: String?) -> String? {
        if let configured = environment["ARENA_PROMPTS_DIR"], !configured.isEmpty {
            return configured
        }
        guard let executablePath, !executablePath.isEmpty else { return nil }
        let fileManager = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let resolved = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path
        for path in [executablePath, resolved] {
            if let installed = installedPromptsDirectory(executablePath: path), isDirectory(installed) { return installed }
        }
        var directory = URL(fileURLWithPath: resolved).deletingLastPathComponent()
        while true {
            let prompts = directory.appendingPathComponent("prompts").path
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path), isDirectory(prompts) {
                return prompts
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// Where an installed binary's shipped suites live, whether or not they are there:
    /// `<directory of the executable>/../share/arena/prompts`, normalised.
    public static func installedPromptsDirectory(executablePath: String?) -> String? {
        guard let executablePath, !executablePath.isEmpty else { return nil }
        return URL(fileURLWithPath: executablePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/arena/prompts").standardizedFileURL.path
    }
}
