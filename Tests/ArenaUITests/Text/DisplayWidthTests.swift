import Testing
@testable import ArenaUI

@Suite struct DisplayWidthTests {
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
}
