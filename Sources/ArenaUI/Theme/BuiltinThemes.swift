// Generated from themes/*.yaml by themes/generate-swift.sh — edit the YAML, then regenerate.
// A test (BuiltinThemesTests) fails when this file and the YAML files disagree.

/// The themes shipped in `themes/`, embedded so the binary needs no files at run time.
public enum BuiltinThemes {
    /// Names in menu order; the first is the default.
    public static let names = ["dark", "light", "high-contrast", "monochrome"]

    public static func source(named name: String) -> String? {
        switch name {
        case "dark": return #"""
# arena theme: the default, for dark terminals (256 colours).
name: dark
description: Default theme for dark backgrounds.
styles:
  text:                { fg: default }
  heading:             { fg: bright-cyan, bold: true }
  bold:                { bold: true }
  italic:              { italic: true }
  inline-code:         { fg: 180, bg: 236 }
  code-block:          { fg: 252, bg: 235 }
  code-fence:          { fg: 242 }
  list-marker:         { fg: 214 }
  quote:               { fg: 245, italic: true }
  rule:                { fg: 240 }
  reasoning:           { fg: 244, italic: true }
  reasoning-header:    { fg: 244, bold: true }
  turn-prompt:         { fg: 110, bold: true }
  cursor:              { fg: 214, bold: true }
  pane-border:         { fg: 240 }
  pane-border-focused: { fg: 75, bold: true }
  pane-title:          { fg: 250, bold: true }
  pane-title-focused:  { fg: 16, bg: 75, bold: true }
  scroll-hint:         { fg: 244 }
  state-waiting:       { fg: 244 }
  state-streaming:     { fg: 114 }
  state-done:          { fg: 71 }
  state-error:         { fg: 203, bold: true }
  state-cancelled:     { fg: 179 }
  reveal-name:         { fg: 229, bold: true }
  reveal-stats:        { fg: 250 }
  winner:              { fg: 16, bg: 114, bold: true }
  leak-warning:        { fg: 16, bg: 214, bold: true }
  editor-text:         { fg: default }
  editor-placeholder:  { fg: 242, italic: true }
  editor-border:       { fg: 240 }
  editor-marker:       { fg: 75, bold: true }
  verdict-bar:         { fg: 252, bg: 236 }
  verdict-key:         { fg: 229, bg: 236, bold: true }
  status-line:         { fg: 250, bg: 238 }
  status-accent:       { fg: 229, bg: 238, bold: true }
  toast:               { fg: 16, bg: 110 }
  toast-error:         { fg: 231, bg: 160, bold: true }
  help-border:         { fg: 75 }
  help-text:           { fg: 252 }
  help-key:            { fg: 229, bold: true }
"""#
        case "light": return #"""
# arena theme for light terminals (256 colours).
name: light
description: For light backgrounds.
styles:
  text:                { fg: default }
  heading:             { fg: 25, bold: true }
  bold:                { bold: true }
  italic:              { italic: true }
  inline-code:         { fg: 130, bg: 254 }
  code-block:          { fg: 236, bg: 255 }
  code-fence:          { fg: 246 }
  list-marker:         { fg: 166 }
  quote:               { fg: 242, italic: true }
  rule:                { fg: 249 }
  reasoning:           { fg: 243, italic: true }
  reasoning-header:    { fg: 243, bold: true }
  turn-prompt:         { fg: 24, bold: true }
  cursor:              { fg: 166, bold: true }
  pane-border:         { fg: 249 }
  pane-border-focused: { fg: 25, bold: true }
  pane-title:          { fg: 238, bold: true }
  pane-title-focused:  { fg: 231, bg: 25, bold: true }
  scroll-hint:         { fg: 244 }
  state-waiting:       { fg: 244 }
  state-streaming:     { fg: 28 }
  state-done:          { fg: 22 }
  state-error:         { fg: 160, bold: true }
  state-cancelled:     { fg: 130 }
  reveal-name:         { fg: 90, bold: true }
  reveal-stats:        { fg: 238 }
  winner:              { fg: 231, bg: 28, bold: true }
  leak-warning:        { fg: 16, bg: 220, bold: true }
  editor-text:         { fg: default }
  editor-placeholder:  { fg: 246, italic: true }
  editor-border:       { fg: 249 }
  editor-marker:       { fg: 25, bold: true }
  verdict-bar:         { fg: 236, bg: 253 }
  verdict-key:         { fg: 25, bg: 253, bold: true }
  status-line:         { fg: 236, bg: 252 }
  status-accent:       { fg: 25, bg: 252, bold: true }
  toast:               { fg: 231, bg: 25 }
  toast-error:         { fg: 231, bg: 160, bold: true }
  help-border:         { fg: 25 }
  help-text:           { fg: 236 }
  help-key:            { fg: 25, bold: true }
"""#
        case "high-contrast": return #"""
# arena theme: maximum contrast, only the 16 ANSI colours (safe on 8/16-colour terminals).
name: high-contrast
description: Bright ANSI colours and bold text on the terminal background.
styles:
  text:                { fg: bright-white }
  heading:             { fg: bright-yellow, bold: true, underline: true }
  bold:                { fg: bright-white, bold: true }
  italic:              { fg: bright-white, italic: true }
  inline-code:         { fg: bright-green, bold: true }
  code-block:          { fg: bright-green }
  code-fence:          { fg: bright-cyan }
  list-marker:         { fg: bright-yellow, bold: true }
  quote:               { fg: bright-cyan }
  rule:                { fg: bright-white }
  reasoning:           { fg: white }
  reasoning-header:    { fg: bright-white, underline: true }
  turn-prompt:         { fg: bright-cyan, bold: true }
  cursor:              { fg: black, bg: bright-yellow }
  pane-border:         { fg: white }
  pane-border-focused: { fg: bright-yellow, bold: true }
  pane-title:          { fg: bright-white, bold: true }
  pane-title-focused:  { fg: black, bg: bright-yellow, bold: true }
  scroll-hint:         { fg: bright-cyan }
  state-waiting:       { fg: bright-white }
  state-streaming:     { fg: bright-green, bold: true }
  state-done:          { fg: bright-green }
  state-error:         { fg: bright-white, bg: red, bold: true }
  state-cancelled:     { fg: bright-yellow }
  reveal-name:         { fg: bright-yellow, bold: true }
  reveal-stats:        { fg: bright-white }
  winner:              { fg: black, bg: bright-green, bold: true }
  leak-warning:        { fg: black, bg: bright-yellow, bold: true }
  editor-text:         { fg: bright-white }
  editor-placeholder:  { fg: white }
  editor-border:       { fg: bright-white }
  editor-marker:       { fg: bright-yellow, bold: true }
  verdict-bar:         { fg: black, bg: white }
  verdict-key:         { fg: black, bg: bright-yellow, bold: true }
  status-line:         { fg: black, bg: bright-white }
  status-accent:       { fg: black, bg: bright-cyan, bold: true }
  toast:               { fg: black, bg: bright-cyan, bold: true }
  toast-error:         { fg: bright-white, bg: red, bold: true }
  help-border:         { fg: bright-yellow }
  help-text:           { fg: bright-white }
  help-key:            { fg: bright-yellow, bold: true }
"""#
        case "monochrome": return #"""
# arena theme: no colour at all, only bold/dim/italic/underline/reverse. Used for NO_COLOR.
name: monochrome
description: Attributes only; what NO_COLOR selects.
styles:
  text:                {}
  heading:             { bold: true, underline: true }
  bold:                { bold: true }
  italic:              { italic: true }
  inline-code:         { underline: true }
  code-block:          {}
  code-fence:          { dim: true }
  list-marker:         { bold: true }
  quote:               { italic: true }
  rule:                { dim: true }
  reasoning:           { dim: true }
  reasoning-header:    { dim: true, bold: true }
  turn-prompt:         { bold: true }
  cursor:              { reverse: true }
  pane-border:         { dim: true }
  pane-border-focused: { bold: true }
  pane-title:          { bold: true }
  pane-title-focused:  { reverse: true, bold: true }
  scroll-hint:         { dim: true }
  state-waiting:       { dim: true }
  state-streaming:     { bold: true }
  state-done:          {}
  state-error:         { reverse: true, bold: true }
  state-cancelled:     { underline: true }
  reveal-name:         { bold: true, underline: true }
  reveal-stats:        {}
  winner:              { reverse: true, bold: true }
  leak-warning:        { reverse: true, bold: true }
  editor-text:         {}
  editor-placeholder:  { dim: true }
  editor-border:       { dim: true }
  editor-marker:       { bold: true }
  verdict-bar:         { reverse: true }
  verdict-key:         { reverse: true, bold: true }
  status-line:         { reverse: true }
  status-accent:       { reverse: true, bold: true }
  toast:               { reverse: true }
  toast-error:         { reverse: true, bold: true }
  help-border:         { bold: true }
  help-text:           {}
  help-key:            { bold: true }
"""#
        default: return nil
        }
    }
}
