import ArenaCore
import Foundation

/// Finds suites the way users expect: `$XDG_CONFIG_HOME/arena/prompts/` first, then the shipped
/// ones (`ARENA_PROMPTS_DIR`, `<bin>/../share/arena/prompts`, or the source tree's `prompts/`); a
/// path to a file works too.
enum SuiteLoading {
    static func library(locations: ConfigLocations) -> SuiteLibrary {
        var environment = ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil {
            environment["XDG_CONFIG_HOME"] = (locations.configDirectory as NSString).deletingLastPathComponent
        }
        return SuiteLibrary.standard(environment: environment)
    }

    /// The shipped suites' folder this binary uses, or nil when it found none.
    static func shippedDirectory() -> String? {
        SuiteLibrary.repoPromptsDirectory(environment: ProcessInfo.processInfo.environment,
                                          executablePath: Bundle.main.executablePath)
    }

    static func load(_ argument: String, locations: ConfigLocations) throws -> PromptSuite {
        do { return try library(locations: locations).resolve(argument) } catch let error as ConfigError {
            throw CLIFailure.badInput(error.description)
        } catch {
            throw CLIFailure.badInput("\(argument): \(error)")
        }
    }
}
