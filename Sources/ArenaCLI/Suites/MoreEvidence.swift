import ArenaCore

/// What to do for more evidence on a suite, in the words that fit it: a traffic suite
/// (`arena gateway --capture`) grows by capturing, any other by running and writing prompts.
enum MoreEvidence {
    static func isTraffic(_ suite: PromptSuite) -> Bool { suite.tags.contains("traffic") }

    /// After every pair is judged.
    static func moreAnswers(_ suite: PromptSuite) -> String {
        isTraffic(suite)
            ? "for more, let arena gateway --capture \(suite.name) take more requests (--shadow MODEL answers them), "
                + "or arena run \(suite.name) --repeat 2"
            : "for more, add answers: arena run \(suite.name) --repeat 2"
    }

    /// When the suite has too few prompts to decide.
    static func morePrompts(_ count: Int, suiteName: String, traffic: Bool) -> String {
        traffic
            ? "let arena gateway --capture \(suiteName) take about \(counted(count, "more prompt")) (repeats of the same prompts cannot decide it)"
            : "add about \(counted(count, "prompt")) to it (repeats of the same prompts cannot decide it)"
    }
}
