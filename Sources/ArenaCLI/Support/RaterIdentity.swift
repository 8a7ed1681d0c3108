import ArenaCore
import Foundation

/// Who a verdict is recorded as: the config's `rater`, else `$USER`, else the login name.
///
/// The one place this default lives, for `ask`, the screen and `judge`.
enum RaterIdentity {
    static func `default`(config: ArenaConfig, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        config.rater ?? environment["USER"] ?? NSUserName()
    }
}
