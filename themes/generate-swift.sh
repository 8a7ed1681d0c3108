#!/bin/sh
# Regenerates Sources/ArenaUI/Theme/BuiltinThemes.swift from themes/*.yaml.
cd "$(dirname "$0")/.."
out=Sources/ArenaUI/Theme/BuiltinThemes.swift
{
  echo '// Generated from themes/*.yaml by themes/generate-swift.sh — edit the YAML, then regenerate.'
  echo '// A test (BuiltinThemesTests) fails when this file and the YAML files disagree.'
  echo ''
  echo '/// The themes shipped in `themes/`, embedded so the binary needs no files at run time.'
  echo 'public enum BuiltinThemes {'
  echo '    /// Names in menu order; the first is the default.'
  printf '    public static let names = ['
  first=1
  for n in dark light high-contrast monochrome; do
    [ $first = 1 ] || printf ', '; printf '"%s"' "$n"; first=0
  done
  echo ']'
  echo ''
  echo '    public static func source(named name: String) -> String? {'
  echo '        switch name {'
  for n in dark light high-contrast monochrome; do
    echo "        case \"$n\": return #\"\"\""
    cat "themes/$n.yaml"
    echo '"""#'
  done
  echo '        default: return nil'
  echo '        }'
  echo '    }'
  echo '}'
} > "$out"
