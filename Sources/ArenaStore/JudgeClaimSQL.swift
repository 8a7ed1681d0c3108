/// The claim statements, in SQL both SQLite (3.24+) and PostgreSQL accept; only placeholders
/// differ (`?` or `$n`).
enum JudgeClaimSQL {
    /// Parameters: suite, item, rater, claimed_at, expiry cut-off. Changes one row exactly when the
    /// claim is granted: a new row, or a row not done whose holder is the same rater or expired.
    static func claim(placeholder p: (Int) -> String) -> String {
        """
        INSERT INTO judge_claim (suite, item, rater, claimed_at, done) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)), 0)
        ON CONFLICT (suite, item) DO UPDATE SET rater = excluded.rater, claimed_at = excluded.claimed_at
        WHERE judge_claim.done = 0 AND (judge_claim.rater = excluded.rater OR judge_claim.claimed_at < \(p(5)))
        """
    }

    /// Parameters: suite, item.
    static func done(placeholder p: (Int) -> String) -> String {
        "UPDATE judge_claim SET done = 1 WHERE suite = \(p(1)) AND item = \(p(2))"
    }

    /// Parameters: suite, item. Frees the comparison (a skip, an undo, a judge leaving).
    static func release(placeholder p: (Int) -> String) -> String {
        "DELETE FROM judge_claim WHERE suite = \(p(1)) AND item = \(p(2))"
    }
}
