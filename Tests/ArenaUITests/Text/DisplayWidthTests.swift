import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaUI

@Suite(.ownThread) struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of(Character("~")) == 1)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("かな") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("：") == 2)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of(Character("🎉")) == 2)
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2)       // ZWJ sequence
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)        // skin tone
        #expect(DisplayWidth.of(Character("🇯🇵")) == 2)        // flag
        #expect(DisplayWidth.of(Character("❤️")) == 2)         // text symbol + VS16
        #expect(DisplayWidth.of(Character("❤")) == 1)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("naïve") == 5)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)   // zero-width space
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)   // ZWJ alone
    }

    @Test func controlCharactersMeasureZero() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x07)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
    }

    @Test func truncationRespectsWideCharacters() {
        #expect("漢字かな".truncated(toWidth: 5) == "漢字…")
        #expect("hello".truncated(toWidth: 5) == "hello")
        #expect("hello world".truncated(toWidth: 6) == "hello…")
    }

    /// Every scalar against Swift's own Unicode data (independent of the Python that generated the
    /// table): unassigned code points are never two columns, marks and format characters are zero.
    @Test func everyScalarAgreesWithSwiftsUnicodeProperties() async {
        // 1.1 million lookups: on a thread of its own, not the cooperative pool other tests' servers need.
        let (wideUnassigned, nonZeroMarks) = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Self.disagreements()) }.start()
        }
        #expect(wideUnassigned.isEmpty, "\(wideUnassigned.count) unassigned scalars are two columns, from U+\(String(wideUnassigned.first ?? 0, radix: 16))")
        #expect(nonZeroMarks.isEmpty, "\(nonZeroMarks.count) marks take a column, from U+\(String(nonZeroMarks.first ?? 0, radix: 16))")
    }

    static func disagreements() -> (wideUnassigned: [UInt32], nonZeroMarks: [UInt32]) {
        var wideUnassigned: [UInt32] = [], nonZeroMarks: [UInt32] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let width = DisplayWidth.of(scalar)
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse: if width == 2 { wideUnassigned.append(value) }
            case .nonspacingMark, .enclosingMark: if width != 0 { nonZeroMarks.append(value) }
            case .format: if width != 0 && value != 0xAD { nonZeroMarks.append(value) }
            default: break
            }
        }
        return (wideUnassigned, nonZeroMarks)
    }

    /// A sample from each kind of character.
    @Test(arguments: [
        (0x0061, 1), (0x00E9, 1), (0x0378, 1), (0x03A2, 1), (0x0416, 1), (0x05D0, 1), (0x0627, 1), (0x0E01, 1),
        (0x0301, 0), (0x20DD, 0), (0x200B, 0), (0x200D, 0), (0x00AD, 1), (0x1160, 0), (0x2003, 1), (0x2500, 1),
        (0x1100, 2), (0x3042, 2), (0x4E00, 2), (0xAC00, 2), (0xFF21, 2), (0x3000, 2), (0x1F389, 2), (0x1F600, 2),
        (0x20000, 2), (0x2FFFD, 1), (0xE000, 1), (0xF0000, 1), (0x1FAE9, 2), (0x1FAFF, 1),
    ] as [(UInt32, Int)])
    func sampleOfEachCategory(value: UInt32, width: Int) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == width, "U+\(String(value, radix: 16, uppercase: true))")
    }
}
