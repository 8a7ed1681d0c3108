import ArenaCore
import Testing

/// What the server said answered: later reports fill in, an unchanged report is not repeated,
/// and only a model that is not the configured id is worth showing.
@Suite struct ServedModelTests {
    @Test func reportsMergeAndRepeatOnlyWhenSomethingChanges() {
        var tracker = ServedModelTracker()
        #expect(tracker.report(model: nil) == nil)
        #expect(tracker.report(model: "gpt-4o-2024-08-06") == .served(ServedModel(model: "gpt-4o-2024-08-06")))
        #expect(tracker.report(model: "gpt-4o-2024-08-06") == nil)
        #expect(tracker.report(model: nil, fingerprint: "fp_1") == .served(ServedModel(model: "gpt-4o-2024-08-06", fingerprint: "fp_1")))
        #expect(tracker.report(model: "gpt-4o-2024-11-20") == .served(ServedModel(model: "gpt-4o-2024-11-20", fingerprint: "fp_1")))

        var answer = AnswerAccumulator()
        answer.apply([.served(ServedModel(model: "a")), .text("x"), .served(ServedModel(fingerprint: "f")), .finished(.stop)])
        #expect(answer.served == ServedModel(model: "a", fingerprint: "f"))
        #expect(AnswerAccumulator().served == nil)
    }

    @Test func onlyADifferentModelIsWorthShowing() {
        #expect(ServedModel(model: "gpt-4o-2024-08-06").differs(fromRequested: "gpt-4o") == "gpt-4o-2024-08-06")
        #expect(ServedModel(model: "smollm2").differs(fromRequested: "smollm2") == nil)
        #expect(ServedModel(fingerprint: "fp").differs(fromRequested: "x") == nil)
        #expect(ServedVersions.label(model: "gpt-4o", served: "gpt-4o-2024-08-06") == "gpt-4o (gpt-4o-2024-08-06)")
        #expect(ServedVersions.label(model: "gpt-4o", served: nil) == "gpt-4o")
    }
}
