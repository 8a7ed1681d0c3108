import Foundation

/// The benches' `--name value` options (and a few bare `--flag`s), read the same way by each.
///
/// ```swift
/// guard BenchArguments.parse(arguments, usage: usage, { name, value in
///     switch name {
///     case "--runs": runs = Int(value) ?? runs
///     case "--capture": capture = true; return .flag
///     default: return .unknown
///     }
///     return .value
/// }) else { return 2 }
/// ```
///
/// Traps: a value that does not parse keeps the default, as it always has; only an unknown option
/// stops the bench (with its usage on stderr).
enum BenchArguments {
    enum Match { case value, flag, unknown }

    /// Calls `option` with each option's name and the argument after it (empty at the end); false,
    /// after printing `usage`, at the first option it does not know.
    static func parse(_ arguments: [String], usage: String, _ option: (_ name: String, _ value: String) -> Match) -> Bool {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch option(arguments[index], value) {
            case .value: index += 2
            case .flag: index += 1
            case .unknown:
                FileHandle.standardError.write(Data("unknown option \(arguments[index])\n\(usage)".utf8))
                return false
            }
        }
        return true
    }
}
