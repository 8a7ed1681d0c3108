import Testing
@testable import ArenaTerminal
import ArenaUI
import Glibc

@Suite struct NcursesTerminalTests {
    @Test func nearestANSIColours() {
        #expect(NcursesColors.nearestANSI(3) == 3)
        #expect(NcursesColors.nearestANSI(196) == 9)    // bright red
        #expect(NcursesColors.nearestANSI(16) == 0)     // black
        #expect(NcursesColors.nearestANSI(231) == 15)   // white
        #expect(NcursesColors.nearestANSI(244) == 8)    // mid grey
    }

    @Test func coloursDegradeToWhatTheTerminalHas() {
        let eight = NcursesColors(colorCount: 8, pairLimit: 64)
        #expect(eight.number(.indexed(196)) == 1)
        #expect(eight.number(.default) == -1)
        let full = NcursesColors(colorCount: 256, pairLimit: 65536)
        #expect(full.number(.indexed(196)) == 196)
    }

    @Test func openingWithoutATerminalThrowsInsteadOfTouchingTheScreen() throws {
        // `swift test` runs with stdin/stdout redirected; the screen must refuse, not garble output.
        guard isatty(0) == 0 || isatty(1) == 0 else { return }
        #expect(throws: TerminalError.self) { try NcursesTerminal.open() }
    }
}
