import Testing
@testable import ArenaUI

@Suite struct IdentityLeakGuardTests {
    let leakGuard = IdentityLeakGuard.default

    @Test func findsVendorAndFamilyNamesAsWholeWords() {
        #expect(Set(leakGuard.identityWords(in: "I am ChatGPT, made by OpenAI.")) == ["chatgpt", "openai"])
        #expect(leakGuard.identityWords(in: "Running GPT-4o and llama3 locally") == ["gpt", "llama"])
        #expect(leakGuard.identityWords(in: "As Claude, I think CLAUDE is great") == ["claude"])
    }

    @Test func ignoresWordsThatOnlyContainAName() {
        #expect(leakGuard.identityWords(in: "metadata, googled, metaphor, claudette").isEmpty)
    }

    @Test func customListsMatchTheSameWay() {
        let custom = IdentityLeakGuard(words: ["Acme"])
        #expect(custom.identityWords(in: "built by ACME2 labs") == ["acme"])
        #expect(custom.identityWords(in: "acmeish").isEmpty)
    }

    @Test func redactsNamesInErrorMessages() {
        let message = "model gpt-4o-mini-custom not found at api.openai.com"
        #expect(leakGuard.redacted(message, hiding: ["gpt-4o-mini-custom"]) == "model ••• not found at api.•••.com")
        #expect(leakGuard.redacted("Mistral overloaded", hiding: []) == "••• overloaded")
    }
}
