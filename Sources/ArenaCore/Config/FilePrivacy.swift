import Foundation

/// File modes for secrets: a key file or a config holding a key must not be readable by anyone else.
public enum FilePrivacy {
    public static func mode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }

    /// No permission bits for group or others (0600, 0400, 0700 …).
    public static func isPrivate(_ mode: Int) -> Bool { mode & 0o077 == 0 }

    public static func octal(_ mode: Int) -> String { "0" + String(mode & 0o777, radix: 8) }
}
