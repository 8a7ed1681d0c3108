import ArenaCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The embedded SQLite backend (GRDB): one private file, WAL mode.
///
/// Traps: the file and its directory are created private (0600 / 0700); WAL mode, so copy the
/// `-wal` file too if you copy the store by hand while arena runs.
final class SQLiteBackend: StoreBackend {
    let path: String
    var displayName: String { path }
    let pool: DatabasePool

    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            try Self.preparePrivateFile(at: path)
            pool = try Self.openAndMigrate(path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot open the store at \(path): \(Self.describe(error))")
        }
    }

    /// Opens the pool (WAL) and migrates, under an exclusive lock on `<store>.lock` so that two
    /// processes never migrate at once. Another arena process opening the same new store at the
    /// same moment can make switching to WAL or migrating report "busy" before the busy timeout
    /// applies, so that is retried for a few seconds; a real failure is thrown at once.
    static func openAndMigrate(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.label = "arena-store"
        // Large reads (a leaderboard over a million verdicts) run faster through memory-mapped
        // pages than through read() copies. Address space, not memory: the pages are the page cache's.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 268435456") }
        // Migrations must not run in two processes at once (each would apply the same step):
        // hold an exclusive lock on a file beside the store while opening and migrating.
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                _ = flock(lock, LOCK_UN)
                close(lock)
            }
        }
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try StoreMigrations.migrator.migrate(pool)
                return pool
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 50 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.02 * Double(min(attempt, 10)))
            }
        }
    }

    /// Names of the migrations applied, in order (for `arena stats` and tests).
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    /// Writes one turn of a battle with every seat's answer. The battle and its seats are written
    /// too when this is its first turn. All in one transaction: a crash leaves all or nothing.
    public func save(battle: Battle, turn turnIndex: Int) throws(StoreError) {
        guard let turn = battle.turns.first(where: { $0.index == turnIndex }) else {
            throw StoreError("battle \(battle.id) has no turn \(turnIndex)")
        }
        try writeKeepingTallies(battle: battle.id.uuidString) { db in
            let id = battle.id.uuidString
            let inserter = try BattleInserter(db)
            if try !inserter.contains(id) { try inserter.insertBattle(battle, id: id) }
            // The words found so far, in all turns: replaced as a whole.
            try LeakRow.filter(Column("battle_id") == id).deleteAll(db)
            try inserter.insertLeaks(battle.leakedWords, battleID: id)
            try inserter.insertTurn(turn, battleID: id)
        }
    }

    /// Records the verdict for one turn. Replaces an earlier verdict for the same turn (undo/re-vote).
    public func save(verdict: VerdictRecord) throws(StoreError) {
        try writeKeepingTallies(battle: verdict.battleID.uuidString) { db in
            guard try TurnRow.exists(db, key: ["battle_id": verdict.battleID.uuidString, "turn_index": verdict.turnIndex]) else {
                throw StoreError("no stored turn \(verdict.turnIndex) of battle \(verdict.battleID)")
            }
            let answers = try AnswerRow.fetchAllStrictly(db, sql: "SELECT * FROM answer WHERE battle_id = ? AND turn_index = ?",
                                                         arguments: [verdict.battleID.uuidString, verdict.turnIndex])
            if let refusal = verdict.verdict.refusal(answers: answers.map { $0.answer() }) { throw StoreError(refusal) }
            try VerdictRow(verdict).save(db)
        }
    }

    /// Removes the verdict of one turn (undo).
    public func deleteVerdict(battleID: UUID, turn: Int) throws(StoreError) {
        try writeKeepingTallies(battle: battleID.uuidString) { db in
            _ = try VerdictRow.deleteOne(db, key: ["battle_id": battleID.uuidString, "turn_index": turn])
        }
    }

    /// Number of verdicts that are not skips.
    public func verdictCount() throws(StoreError) -> Int {
        try read { db in try VerdictRow.filter(Column("outcome") != VerdictOutcome.skip).fetchCount(db) }
    }

    public func battleCount() throws(StoreError) -> Int {
        try read { db in try BattleRow.fetchCount(db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreError("store read failed: \(Self.describe(error))")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreError("store write failed: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite does, so the store is
    /// never readable by other users, not even for an instant.
    static func preparePrivateFile(at path: String) throws {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("cannot create the store directory \(directory): \(error.localizedDescription)")
            }
        }
        // open(O_CREAT | O_EXCL), never FileManager.createFile: that writes a temporary file and
        // renames it over the path, so a second arena process starting at the same moment could
        // replace a store the first had just created and opened (its writes then went to an
        // unlinked file, and the next open saw "disk I/O error"). O_EXCL creates it once or not at all.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError("cannot create the store file \(path) (is the directory writable?)")
        }
    }
}

extension SQLiteBackend {
    /// The streaming form: `produce` hands over batches through `add` (which returns how many of
    /// the batch were new), all inside one transaction, so a failure or a kill imports nothing
    /// and memory holds one batch at a time.
    public func importBattles(_ produce: (_ add: ([StoredBattle]) throws -> Int) throws -> Void) throws(StoreError) -> Int {
        try write { db in
            // Batches of random-id rows touch pages all over the indexes: with SQLite's default
            // 2 MiB page cache they spill to the WAL and are read back (a fifth of import's time
            // in pwrite and pread). 32 MiB for the import, then back to the default.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let inserter = try BattleInserter(db)
            var added = 0
            try produce { battles in
                let before = added
                var delta = RankingTallyDelta()
                // In id order, the batch's rows land in each index's pages one after another,
                // not scattered over all of them.
                let ordered = battles.map { (id: $0.battle.id.uuidString, stored: $0) }.sorted { $0.id < $1.id }
                for (id, stored) in ordered where try inserter.insertIfNew(stored, id: id) {
                    added += 1
                    delta.add(stored)
                }
                try Self.apply(delta, db)
                return added - before
            }
            return added
        }
    }
}
