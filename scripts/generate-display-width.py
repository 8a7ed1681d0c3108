#!/usr/bin/env python3
"""Writes Sources/ArenaUI/Text/DisplayWidth+Tables.swift from Unicode 17 data (the version of Swift 6.3's standard library, which splits graphemes).

    python3 -m venv /tmp/ucd && /tmp/ucd/bin/pip install 'unicodedata2==17.0.0'
    /tmp/ucd/bin/python scripts/generate-display-width.py > Sources/ArenaUI/Text/DisplayWidth+Tables.swift

Two columns: East Asian Width W or F, for *assigned* code points only (Python's own unicodedata
reports unassigned code points as F, which once made 829,834 of them two columns wide).
Zero columns: Mn, Me, Cf (except U+00AD SOFT HYPHEN), Hangul medial/final jamo U+1160–U+11FF and
U+200B. Everything else is one column (ASCII control characters are handled in DisplayWidth.swift).
"""
import unicodedata2 as ucd

assert ucd.unidata_version == "17.0.0", ucd.unidata_version


def ranges(test):
    out = []
    for cp in range(0x110000):
        if test(cp):
            if out and out[-1][1] == cp - 1:
                out[-1][1] = cp
            else:
                out.append([cp, cp])
    return out


def assigned(cp):
    return ucd.category(chr(cp)) not in ("Cn", "Cs")


def zero(cp):
    category = ucd.category(chr(cp))
    return category in ("Mn", "Me") or (category == "Cf" and cp != 0xAD) or 0x1160 <= cp <= 0x11FF or cp == 0x200B


def wide(cp):
    return assigned(cp) and not zero(cp) and ucd.east_asian_width(chr(cp)) in ("W", "F")


print(f"""// Generated from Unicode {ucd.unidata_version} (unicodedata2) by scripts/generate-display-width.py:
// East Asian Width W/F of assigned code points are two columns; Mn, Me, Cf (except U+00AD), Hangul
// medial/final jamo and U+200B are zero columns. Do not edit by hand.

extension DisplayWidth {{""")
for name, test in (("wideRanges", wide), ("zeroRanges", zero)):
    items = [f"0x{a:X}...0x{b:X}," for a, b in ranges(test)]
    print(f"    static let {name}: [ClosedRange<UInt32>] = [")
    line = "       "
    for item in items:
        if len(line) + 1 + len(item) > 112:
            print(line)
            line = "       "
        line += " " + item
    print(line)
    print("    ]")
print("}")
