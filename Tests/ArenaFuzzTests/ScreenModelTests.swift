import ArenaFuzz
import Testing

/// The arena screen against an independent render of each seat's own text, over seeded random
/// sessions (see `ScreenModelCheck`). Long runs: `swift run -c release arena-bench screen-model`.
@Suite("Screen model check")
struct ScreenModelTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func everyPaneShowsOnlyItsOwnSeatsText(seed: UInt64) {
        var check = ScreenModelCheck(seed: seed)
        let report = check.run(steps: 700)
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
        #expect(report.steps == 700)
        // The sessions really exercised the screen: battles, several turns, many panes compared.
        #expect(report.battles >= 1 && report.turns >= 3 && report.panesChecked >= 500,
                "battles \(report.battles), turns \(report.turns), panes \(report.panesChecked)")
    }

    @Test(arguments: [11, 12] as [UInt64])
    func judgeModeShowsEachStoredAnswerInItsOwnPane(seed: UInt64) {
        var check = ScreenModelCheck(seed: seed, judgeMode: true)
        let report = check.run(steps: 700)
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
        #expect(report.battles >= 3 && report.panesChecked >= 500,
                "battles \(report.battles), panes \(report.panesChecked)")
    }
}
