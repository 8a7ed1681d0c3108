import CLibpq
import Foundation
import PGClient
import Testing

@Suite("Notices")
struct NoticeTests {
    /// Notices go nowhere. To show the capture would catch one, plain libpq (whose default
    /// notice processor prints to stderr) raises one in the same window.
    @Test func noticesNeverReachStderr() throws {
        let conn = try TestDatabase.connect()
        let url = try TestDatabase.cluster().urlWithPassword
        let table = TestDatabase.uniqueName()
        defer { _ = try? conn.execute("DROP TABLE IF EXISTS \(table)") }

        let stderrText = try capturingStderr {
            try conn.execute("DO $$ BEGIN RAISE NOTICE 'pgclient-marker-silenced'; END $$")
            try conn.executeScript("CREATE TABLE IF NOT EXISTS \(table) (n int); CREATE TABLE IF NOT EXISTS \(table) (n int)")
            try conn.execute("DROP TABLE IF EXISTS no_such_table_\(table)")
            try conn.execute("SELECT 1")

            let raw = PQconnectdb(url)
            defer { PQfinish(raw) }
            PQclear(PQexec(raw, "DO $$ BEGIN RAISE NOTICE 'pgclient-marker-raw'; END $$"))
        }
        #expect(stderrText.contains("pgclient-marker-raw"))
        #expect(!stderrText.contains("pgclient-marker-silenced"))
        #expect(!stderrText.contains("already exists, skipping"))
        #expect(!stderrText.contains("does not exist, skipping"))
    }

    /// Runs `body` with file descriptor 2 sent to a temp file; returns what was written (and
    /// writes it back to the real stderr, since other tests may have printed meanwhile).
    private func capturingStderr(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        defer { unlink(path) }
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(file >= 0)
        let saved = dup(2)
        dup2(file, 2)
        close(file)
        do {
            defer { dup2(saved, 2); close(saved) }
            try body()
        }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let others = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("pgclient-marker-raw") }
        FileHandle.standardError.write(Data(others.joined(separator: "\n").utf8))
        return text
    }
}
