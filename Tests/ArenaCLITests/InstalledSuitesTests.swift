import Foundation
import Testing

/// `arena suites` from an installed binary (`scripts/install.sh` layout: PREFIX/bin/arena and
/// PREFIX/share/arena/prompts/), far from any source tree.
@Suite("arena suites from an installed binary", .timeLimit(.minutes(1)))
struct InstalledSuitesTests {
    /// The built binary at PREFIX/bin/arena (a hard link: same file, no source tree above it).
    static func install(prefix: URL) throws -> URL {
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("arena")
        do { try FileManager.default.linkItem(at: ArenaProcess.binary, to: installed) } catch {
            try FileManager.default.copyItem(at: ArenaProcess.binary, to: installed)
        }
        return installed
    }

    @Test func findsTheShippedSuitesUnderShareAndSaysWhereItLookedWhenThereAreNone() async throws {
        let arena = ArenaProcess()
        let prefix = arena.home.appendingPathComponent("prefix")
        let binary = try Self.install(prefix: prefix)
        defer { try? FileManager.default.removeItem(at: prefix) }

        let bare = try await arena.run(["suites"], binary: binary)
        #expect(bare.status == 0, "\(bare.stderr)")
        let share = prefix.appendingPathComponent("share/arena/prompts").path
        #expect(bare.stdout.hasPrefix("no suites found; looked in \(arena.home.path)/config/arena/prompts (does not exist)"), "\(bare.stdout)")
        #expect(bare.stdout.contains("no shipped suites: none in \(share)"))
        #expect(bare.stdout.contains("scripts/install.sh"))

        try FileManager.default.createDirectory(atPath: share, withIntermediateDirectories: true)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("prompts/customer-support.yaml")
        try FileManager.default.copyItem(at: shipped, to: URL(fileURLWithPath: share).appendingPathComponent("customer-support.yaml"))
        let listed = try await arena.run(["suites"], binary: binary)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("customer-support"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("no shipped suites"))
    }
}
