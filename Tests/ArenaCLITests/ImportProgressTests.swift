@testable import ArenaCLI
import Testing

@Suite struct ImportProgressTests {
    @Test func theLineSaysHowFarHowManyAndHowFast() {
        #expect(ImportProgress.line(bytesRead: 41, totalBytes: 100, rows: 240_000, elapsed: .seconds(20))
                == "arena: importing… 41% · 240,000 rows · 12,000 rows/s")
        // No rate before a second has passed; one row; never past 100% or below 0%.
        #expect(ImportProgress.line(bytesRead: 5, totalBytes: 10, rows: 1, elapsed: .milliseconds(300)) == "arena: importing… 50% · 1 row")
        #expect(ImportProgress.line(bytesRead: 12, totalBytes: 10, rows: 0, elapsed: .zero) == "arena: importing… 100% · 0 rows")
        #expect(ImportProgress.line(bytesRead: 0, totalBytes: 0, rows: 0, elapsed: .zero) == "arena: importing… 0% · 0 rows")
    }
}
