import Testing
@testable import ArenaCore

@Suite struct RedactorTests {
    /// Fake keys in the shapes providers issue; none of them may survive.
    static let fakeKeys = ["sk-proj-4xZ9qL2mN8vB7cT1wE3rY6uI0oP5aS", "sk-ant-api03-abcdefghijklmnopqrstu_vwxyz012345",
                           "AKIAIOSFODNN7EXAMPLE", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
                           "xoxb-123456789012-abcdefghij", "AIzaSyA-1234567890abcdefghijklmnopqrstu",
                           "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345"]

    @Test func keysAddressesAndNumbersAreBlanked() throws {
        let redactor = try Redactor()
        for key in Self.fakeKeys {
            let out = redactor.redact("my key is \(key), thanks")
            #expect(!out.contains(key.suffix(12)), "\(key) → \(out)")
            #expect(out.contains("[key]"), "\(key) → \(out)")
        }
        #expect(redactor.redact("write to jo.smith+shop@mail.example.co.uk today") == "write to [email] today")
        for phone in ["+1 415-555-0132", "(415) 555-0132", "020 7946 0958", "+44 20 7946 0958", "+14155550132", "415.555.0132"] {
            #expect(redactor.redact("call \(phone) now") == "call [phone] now", "\(phone)")
        }
    }

    @Test func ordinaryTextIsLeftAlone() throws {
        let redactor = try Redactor()
        for text in ["Order NW-20417 is a week late.", "Released 2026-12-03, v2.28.1.", "Ping 192.168.1.10 on port 8080.",
                     "It costs $1,299.00 or 3 x 433.", "I bought this 47 days ago.", "internationalization-and-localization"] {
            #expect(redactor.redact(text) == text)
        }
    }

    @Test func configPatternsComeAfterTheDefaults() throws {
        let redactor = try Redactor(extra: [#"ACCT-\d{6}"#])
        #expect(redactor.redact("account ACCT-123456, mail a@b.io") == "account [redacted], mail [email]")
        #expect(throws: ConfigError.self) { try Redactor(extra: ["(unclosed"]) }
    }

    @Test func theConfigFileNamesABadPatternByLine() throws {
        let text = "models:\n  - { name: a, base_url: 'http://127.0.0.1:1/v1', model: m }\nredact:\n  - 'ok-\\d+'\n  - '(bad'\n"
        let parser = ConfigParser(file: "arena.yaml")
        #expect { try parser.parse(text) } throws: { error in
            let description = "\(error)"
            return description.contains("arena.yaml:5") && description.contains("redact[1]")
        }
        let good = ConfigParser(file: "arena.yaml")
        let config = try good.parse(text.replacingOccurrences(of: "  - '(bad'\n", with: ""))
        #expect(config.redact == [#"ok-\d+"#])
    }
}
