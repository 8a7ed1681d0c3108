import ArenaCore
import Foundation

/// Finds suites the way users expect: `$XDG_CONFIG_HOME/arena/prompts/` first, then the repo's
/// `prompts/` (or `ARENA_PROMPTS_DIR`); a path to a file works too.
enum SuiteLoading {
    static func library(locations: ConfigLocations) -> SuiteLibrary {
        var environment = ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil {
            environment["XDG_CONFIG_HOME"] = (locations.configDirectory as NSString).deletingLastPathComponent
        }
        return SuiteLibrary.standard(environment: environment)
    }

    static func load(_ argument: String, locations: ConfigLocations) throws -> PromptSuite {
        do { return try library(locations: locations).resolve(argument) } catch let error as ConfigError {
            throw CLIFailure.badInput(error.description)
        } catch {
            throw CLIFailure.badInput("\(argument): \(error)")
        }
    }
}
