#!/usr/bin/env bash
# Builds arena (release) and installs it under PREFIX (default ~/.local):
#
#   PREFIX/bin/arena
#   PREFIX/share/arena/prompts/   the shipped prompt suites (`arena suites` finds them here)
#   PREFIX/share/arena/themes/    the colour themes, as YAML to copy and edit
#
#   scripts/install.sh              # into ~/.local (put ~/.local/bin on your PATH)
#   scripts/install.sh /usr/local   # system-wide (may need sudo)
#
# ARENA_SCRATCH_PATH, when set, is passed to `swift build --scratch-path` (a separate build folder).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-$HOME/.local}"
build=(swift build -c release --product arena)
if [ -n "${ARENA_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$ARENA_SCRATCH_PATH"); fi

"${build[@]}" >&2
bin="$("${build[@]}" --show-bin-path)"

mkdir -p "$prefix/bin" "$prefix/share/arena/prompts" "$prefix/share/arena/themes"
install -m 0755 "$bin/arena" "$prefix/bin/arena"
for file in prompts/*.yaml; do install -m 0644 "$file" "$prefix/share/arena/prompts/"; done
for file in themes/*.yaml; do install -m 0644 "$file" "$prefix/share/arena/themes/"; done

echo "installed $prefix/bin/arena, with suites and themes in $prefix/share/arena" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH" >&2 ;;
esac
