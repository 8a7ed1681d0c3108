/// Every place on screen a theme can style. Typed: widgets ask `theme[.heading]`, never a string.
/// `key` is its name in a theme file (`styles:` map): the case name in kebab-case.
public enum ThemeSlot: UInt8, CaseIterable, Sendable, Hashable {
    // Answer text and its Markdown.
    case text
    case heading
    case bold
    case italic
    case inlineCode
    case codeBlock
    case codeFence
    case listMarker
    case quote
    case rule
    case reasoning
    case reasoningHeader
    case turnPrompt
    case cursor
    // Panes.
    case paneBorder
    case paneBorderFocused
    case paneTitle
    case paneTitleFocused
    case scrollHint
    case stateWaiting
    case stateStreaming
    case stateDone
    case stateError
    case stateCancelled
    case revealName
    case revealStats
    case winner
    case leakWarning
    // Prompt editor.
    case editorText
    case editorPlaceholder
    case editorBorder
    case editorMarker
    // Bars and overlays.
    case verdictBar
    case verdictKey
    case statusLine
    case statusAccent
    case toast
    case toastError
    case helpBorder
    case helpText
    case helpKey

    /// The slot's key in a theme file, e.g. `inline-code` for `.inlineCode`.
    public var key: String {
        var result = ""
        for character in String(describing: self) {
            if character.isUppercase {
                result.append("-")
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The slot for a theme-file key, or nil.
    public init?(key: String) {
        guard let slot = ThemeSlot.allCases.first(where: { $0.key == key }) else { return nil }
        self = slot
    }
}
