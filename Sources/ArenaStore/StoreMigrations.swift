import GRDB

/// The SQLite store's migrator: `SchemaSteps`, in order, under their names.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in SchemaSteps.steps(.sqlite) {
            migrator.registerMigration(step.name) { db in
                try db.execute(sql: step.sql)
                if step.name == SchemaSteps.rankingTallyStep { try SQLiteBackend.rebuildRankingTallies(db) }
            }
        }
        return migrator
    }
}
