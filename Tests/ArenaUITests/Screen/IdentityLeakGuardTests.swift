import Testing
@testable import ArenaUI

@Suite struct IdentityLeakGuardTests {
    let leakGuard = IdentityLeakGuard.default

    @Test func customListsAreMaskedTheSameWay() {
        let custom = IdentityLeakGuard(words: ["Acme"])
        #expect(custom.redacted("built by ACME labs, acmeish", hiding: []) == "built by ••• labs, acmeish")
    }

    @Test func redactsNamesInErrorMessages() {
        let message = "model gpt-4o-mini-custom not found at api.openai.com"
        #expect(leakGuard.redacted(message, hiding: ["gpt-4o-mini-custom"]) == "model ••• not found at api.•••.com")
        #expect(leakGuard.redacted("Mistral overloaded", hiding: []) == "••• overloaded")
    }
}
