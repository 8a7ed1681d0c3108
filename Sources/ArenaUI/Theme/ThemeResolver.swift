import Foundation

/// Picks the theme for `--theme NAME`, user theme files and `NO_COLOR`, never failing: a bad or
/// unknown theme gives a one-line warning and the default theme.
///
/// ```swift
/// let (theme, warning) = ThemeResolver.resolve(name: options.theme,
///                                              environment: ProcessInfo.processInfo.environment)
/// ```
///
/// Order: a name with `/` or ending in `.yaml` is a file path; otherwise
/// `$XDG_CONFIG_HOME/arena/themes/NAME.yaml` (default `~/.config/arena/themes/`), then the built-in
/// themes. `NO_COLOR` (set and non-empty) selects `monochrome` when no theme is named and removes
/// colour from a named one.
public enum ThemeResolver {
    public static let defaultName = "dark"

    public static func resolve(name: String?, environment: [String: String],
                               readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) })
        -> (theme: Theme, warning: String?) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let requested = name ?? (noColor ? "monochrome" : defaultName)
        let fallbackName = noColor ? "monochrome" : defaultName
        let fallback = (try? ThemeLoader.builtin(named: fallbackName)) ?? Theme.plain
        do {
            let theme = try load(requested, environment: environment, readFile: readFile)
            return (noColor ? theme.withoutColor : theme, nil)
        } catch {
            return (fallback, "\(error.description) — using the \(fallback.name) theme")
        }
    }

    /// The folder for user themes.
    public static func userThemesDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/arena/themes" }
        return (environment["HOME"] ?? "~") + "/.config/arena/themes"
    }

    static func load(_ name: String, environment: [String: String],
                     readFile: (String) -> String?) throws(ThemeError) -> Theme {
        if name.contains("/") || name.hasSuffix(".yaml") {
            guard let text = readFile(name) else {
                throw ThemeError(file: name, field: "", message: "cannot read the theme file")
            }
            return try ThemeLoader.parse(text, file: name)
        }
        let userPath = userThemesDirectory(environment: environment) + "/\(name).yaml"
        if let text = readFile(userPath) {
            return try ThemeLoader.parse(text, file: userPath)
        }
        if BuiltinThemes.source(named: name) != nil {
            return try ThemeLoader.builtin(named: name)
        }
        throw ThemeError(file: "--theme \(name)", field: "",
                         message: "unknown theme (built-in: \(BuiltinThemes.names.joined(separator: ", ")); "
                             + "user themes go in \(userThemesDirectory(environment: environment)))")
    }
}
