extension SchemaSteps {
    /// v7: a verdict may be a ranking of 3–8 seats (`outcome = 'rank'`, the order in `ranking`
    /// as `SeatRanking.code`, e.g. `C>A=D>B`). Every existing row keeps its outcome and winner
    /// and gets no ranking, so it means exactly what it meant.
    ///
    /// SQLite cannot change a CHECK constraint in place, so the table is rebuilt (same columns in
    /// the same order, then `ranking`) and its indexes made again; PostgreSQL swaps constraints.
    /// Traps: PostgreSQL named the v1 constraints itself — `verdict_outcome_check` (the column
    /// CHECK) and `verdict_check` (the table CHECK over two columns); the PG tests migrate a
    /// v6 store to prove the names.
    static func verdictRanking(_ dialect: Dialect) -> String {
        let outcomes = "outcome IN ('seat', 'rank', 'tie', 'bad', 'skip')"
        let winner = "(outcome = 'seat') = (winner_seat IS NOT NULL)"
        let ranking = "(outcome = 'rank') = (ranking IS NOT NULL AND ranking <> '')"
        switch dialect {
        case .sqlite:
            return """
                CREATE TABLE verdict_v7 (
                    battle_id TEXT NOT NULL,
                    turn_index INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (\(outcomes)),
                    winner_seat INTEGER,
                    rater TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    blind INTEGER NOT NULL DEFAULT 1 CHECK (blind IN (0, 1)),
                    ranking TEXT,
                    PRIMARY KEY (battle_id, turn_index),
                    FOREIGN KEY (battle_id, turn_index) REFERENCES turn(battle_id, turn_index) ON DELETE CASCADE,
                    FOREIGN KEY (battle_id, winner_seat) REFERENCES seat(battle_id, seat_index),
                    CHECK (\(winner)),
                    CHECK (\(ranking))
                );
                INSERT INTO verdict_v7 (battle_id, turn_index, outcome, winner_seat, rater, created_at, blind)
                SELECT battle_id, turn_index, outcome, winner_seat, rater, created_at, blind FROM verdict;
                DROP TABLE verdict;
                ALTER TABLE verdict_v7 RENAME TO verdict;
                CREATE INDEX verdict_created_at ON verdict(created_at);
                CREATE INDEX verdict_rater ON verdict(rater);
                """
        case .postgres:
            return """
                ALTER TABLE verdict ADD COLUMN ranking TEXT;
                ALTER TABLE verdict DROP CONSTRAINT verdict_outcome_check;
                ALTER TABLE verdict ADD CONSTRAINT verdict_outcome_check CHECK (\(outcomes));
                ALTER TABLE verdict ADD CONSTRAINT verdict_ranking_check CHECK (\(ranking));
                """
        }
    }
}
