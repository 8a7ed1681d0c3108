import Foundation
import Testing
@testable import ArenaUI

@Suite struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test(arguments: BuiltinThemes.names)
    func builtinThemeParsesAndDefinesEverySlot(name: String) throws {
        let source = try #require(BuiltinThemes.source(named: name))
        let theme = try ThemeLoader.parse(source, file: "\(name).yaml")
        #expect(theme.name == name)
        let keys = Set(source.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop(while: { $0 == " " })
            guard line.hasPrefix("  "), let colon = trimmed.firstIndex(of: ":") else { return nil }
            return String(trimmed[..<colon])
        })
        for slot in ThemeSlot.allCases { #expect(keys.contains(slot.key), "\(name) lacks \(slot.key)") }
    }

    @Test(arguments: BuiltinThemes.names)
    func embeddedThemeMatchesTheRepositoryFile(name: String) throws {
        let file = try String(contentsOf: Self.repoThemes.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        #expect(BuiltinThemes.source(named: name) == file.trimmingCharacters(in: .newlines),
                "run themes/generate-swift.sh after editing themes/\(name).yaml")
    }

    @Test func monochromeHasNoColour() throws {
        let theme = try ThemeLoader.builtin(named: "monochrome")
        for slot in ThemeSlot.allCases {
            #expect(theme[slot].foreground == .default && theme[slot].background == .default)
        }
    }

    @Test func coloursParse() throws {
        let theme = try ThemeLoader.parse("""
        name: t
        styles:
          text: { fg: bright-red, bg: 236 }
          heading: { fg: "#ff0000", bold: true, underline: true }
          bold: { fg: grey }
        """, file: "t.yaml")
        #expect(theme[.text] == Style(foreground: .indexed(9), background: .indexed(236)))
        #expect(theme[.heading] == Style(foreground: .indexed(196), attributes: [.bold, .underline]))
        #expect(theme[.bold].foreground == .indexed(8))
    }

    @Test func baseThemeFillsMissingSlots() throws {
        let theme = try ThemeLoader.parse("name: mine\nbase: dark\nstyles:\n  text: { fg: red }\n", file: "mine.yaml")
        let dark = try ThemeLoader.builtin(named: "dark")
        #expect(theme[.text].foreground == .red)
        #expect(theme[.heading] == dark[.heading])
    }

    @Test func badColourNamesFileLineAndField() {
        let yaml = "name: broken\nstyles:\n  text: { fg: red }\n  heading: { fg: purpel }\n"
        #expect(throws: ThemeError.self) { try ThemeLoader.parse(yaml, file: "broken.yaml") }
        do {
            _ = try ThemeLoader.parse(yaml, file: "broken.yaml")
        } catch {
            #expect(error.description.hasPrefix("broken.yaml:4:"))
            #expect(error.field == "styles.heading.fg")
            #expect(error.description.contains("unknown colour \"purpel\""))
        }
    }

    @Test func unknownSlotAndKeyAreNamed() {
        do {
            _ = try ThemeLoader.parse("name: x\nstyles:\n  headline: { bold: true }\n", file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.field == "styles.headline")
            #expect(error.message.hasPrefix("unknown slot"))
        }
        do {
            _ = try ThemeLoader.parse("name: x\nstyles:\n  text: { blink: true }\n", file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "styles.text.blink")
        }
    }

    @Test func invalidYAMLGivesALine() {
        do {
            _ = try ThemeLoader.parse("name: x\nstyles: [unclosed\n", file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line != nil)
            #expect(error.message.hasPrefix("invalid YAML"))
        }
    }

    @Test func resolverFallsBackWithOneLineWarning() {
        let files = ["/cfg/arena/themes/bad.yaml": "name: bad\nstyles:\n  text: { fg: 300 }\n"]
        let (theme, warning) = ThemeResolver.resolve(name: "bad", environment: ["XDG_CONFIG_HOME": "/cfg"],
                                                     readFile: { files[$0] })
        #expect(theme.name == "dark")
        #expect(warning == "/cfg/arena/themes/bad.yaml:3:15: styles.text.fg: unknown colour \"300\" (use a name such as red or bright-blue, 0–255 or #rrggbb) — using the dark theme")
        #expect(warning?.contains("\n") == false)
    }

    @Test func resolverFindsUserThemesBeforeBuiltins() {
        let files = ["/home/u/.config/arena/themes/light.yaml": "name: my-light\nbase: light\n"]
        let (theme, warning) = ThemeResolver.resolve(name: "light", environment: ["HOME": "/home/u"], readFile: { files[$0] })
        #expect(warning == nil)
        #expect(theme.name == "my-light")
    }

    @Test func unknownThemeNameWarns() {
        let (theme, warning) = ThemeResolver.resolve(name: "nope", environment: [:], readFile: { _ in nil })
        #expect(theme.name == "dark")
        #expect(warning?.contains("unknown theme") == true)
    }

    @Test func noColorSelectsMonochromeAndStripsNamedThemes() {
        let (plain, _) = ThemeResolver.resolve(name: nil, environment: ["NO_COLOR": "1"], readFile: { _ in nil })
        #expect(plain.name == "monochrome")
        let (dark, _) = ThemeResolver.resolve(name: "dark", environment: ["NO_COLOR": "1"], readFile: { _ in nil })
        #expect(ThemeSlot.allCases.allSatisfy { dark[$0].foreground == .default && dark[$0].background == .default })
        #expect(dark[.heading].attributes.contains(.bold))
        let (coloured, _) = ThemeResolver.resolve(name: nil, environment: ["NO_COLOR": ""], readFile: { _ in nil })
        #expect(coloured.name == "dark")
    }

    @Test func slotKeysAreKebabCase() {
        #expect(ThemeSlot.inlineCode.key == "inline-code")
        #expect(ThemeSlot(key: "pane-border-focused") == .paneBorderFocused)
        #expect(ThemeSlot(key: "paneBorder") == nil)
    }
}
