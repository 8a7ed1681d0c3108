extension SchemaSteps {
    /// v6: a battle's identity words become rows of `battle_leak`, one word each, in the order
    /// found, instead of one comma-joined `battle.leaked_words` text (which could not hold a word
    /// with a comma in it), and that column goes.
    ///
    /// Old rows are carried as the old reader read them: the text split at every comma, empty
    /// pieces dropped (`"gpt,openai"` → gpt, openai; `"a,,b"` → a, b; `''` → no row).
    ///
    /// Traps: the old reader split Swift `Character`s, so a comma followed by a combining mark
    /// (U+0300…) was not a split point for it; here it is, as it was when the words were joined.
    /// `DROP COLUMN` needs SQLite 3.35 or later (Debian 12 has 3.40, macOS 14 3.39).
    static func battleLeak(_ dialect: Dialect) -> String {
        let table = """
            CREATE TABLE battle_leak (
                battle_id TEXT NOT NULL REFERENCES battle(id) ON DELETE CASCADE,
                word_index INTEGER NOT NULL CHECK (word_index >= 0),
                word TEXT NOT NULL CHECK (word <> ''),
                PRIMARY KEY (battle_id, word_index)
            );
            """
        let carry = switch dialect {
        case .sqlite:
            // Peel one comma-ended piece off `rest` per step; `piece` 0 is the seed, not a word.
            """
            INSERT INTO battle_leak (battle_id, word_index, word)
            WITH RECURSIVE split(battle_id, piece, word, rest) AS (
                SELECT id, 0, '', leaked_words || ',' FROM battle WHERE leaked_words <> ''
                UNION ALL
                SELECT battle_id, piece + 1, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1)
                FROM split WHERE rest <> ''
            )
            SELECT battle_id, row_number() OVER (PARTITION BY battle_id ORDER BY piece) - 1, word
            FROM split WHERE piece > 0 AND word <> '';
            """
        case .postgres:
            """
            INSERT INTO battle_leak (battle_id, word_index, word)
            SELECT b.id, row_number() OVER (PARTITION BY b.id ORDER BY p.piece) - 1, p.word
            FROM battle b, unnest(string_to_array(b.leaked_words, ',')) WITH ORDINALITY AS p(word, piece)
            WHERE b.leaked_words <> '' AND p.word <> '';
            """
        }
        return table + "\n" + carry + "\nALTER TABLE battle DROP COLUMN leaked_words;\n"
    }
}
