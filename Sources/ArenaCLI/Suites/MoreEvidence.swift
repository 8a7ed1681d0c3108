import ArenaCore

/// What to do for more evidence on a suite, in the words that fit it: a traffic suite
/// (`arena gateway --capture`) grows by capturing, any other by running and writing prompts.
enum MoreEvidence {
    static func isTraffic(_ suite: PromptSuite) -> Bool { suite.tags.contains("traffic") }

    /// After every pair is judged. When the pairs are a model against its own later version
    /// (`arena drift`'s NAME and NAME@LABEL), what is left is to read the drift report.
    static func moreAnswers(_ suite: PromptSuite, models: [String] = []) -> String {
        if let (model, label) = driftPair(models) {
            return "see whether it changed: arena drift \(suite.name) --model \(model) --label \(label) --report"
        }
        return isTraffic(suite)
            ? "for more, let arena gateway --capture \(suite.name) take more requests (--shadow MODEL answers them), "
                + "or arena run \(suite.name) --repeat 2"
            : "for more, add answers: arena run \(suite.name) --repeat 2"
    }

    /// `NAME` and `NAME@LABEL`, in either order: the model and the label.
    static func driftPair(_ models: [String]) -> (String, String)? {
        guard models.count == 2 else { return nil }
        for (plain, labelled) in [(models[0], models[1]), (models[1], models[0])] where labelled.hasPrefix(plain + "@") {
            let label = String(labelled.dropFirst(plain.count + 1))
            if !label.isEmpty { return (plain, label) }
        }
        return nil
    }

    /// When the suite has too few prompts to decide.
    static func morePrompts(_ count: Int, suiteName: String, traffic: Bool) -> String {
        traffic
            ? "let arena gateway --capture \(suiteName) take about \(counted(count, "more prompt")) (repeats of the same prompts cannot decide it)"
            : "add about \(counted(count, "prompt")) to it (repeats of the same prompts cannot decide it)"
    }
}
