import ArenaFuzz
import ArenaTestTraits
import Foundation
import Testing

/// The arena screen against an independent render of each seat's own text, over seeded random
/// sessions (see `ScreenModelCheck`). Long runs: `swift run -c release arena-bench screen-model`.
///
/// Seconds of CPU each: the sessions run one at a time on a thread of their own, never on the
/// cooperative pool, where they would starve the in-process HTTP servers of other tests.
@Suite("Screen model check", .serialized)
struct ScreenModelTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func everyPaneShowsOnlyItsOwnSeatsText(seed: UInt64) async {
        let report = await onOwnThread { var check = ScreenModelCheck(seed: seed); return check.run(steps: 700) }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
        #expect(report.steps == 700)
        // The sessions really exercised the screen: battles, several turns, many panes compared.
        #expect(report.battles >= 1 && report.turns >= 3 && report.panesChecked >= 500,
                "battles \(report.battles), turns \(report.turns), panes \(report.panesChecked)")
    }

    @Test(arguments: [11, 12] as [UInt64])
    func judgeModeShowsEachStoredAnswerInItsOwnPane(seed: UInt64) async {
        let report = await onOwnThread { var check = ScreenModelCheck(seed: seed, judgeMode: true); return check.run(steps: 700) }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
        #expect(report.battles >= 3 && report.panesChecked >= 500,
                "battles \(report.battles), panes \(report.panesChecked)")
    }
}
