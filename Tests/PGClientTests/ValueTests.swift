import PGClient
import Testing

@Suite("Values: parameters in, typed accessors out")
struct ValueTests {
    @Test func everyTypeRoundTripsThroughATable() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        try conn.executeScript("CREATE TABLE \(table) (s text, i bigint, d double precision, b boolean)")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }

        let big = String(repeating: "0123456789abcdé🌍\n", count: 1_048_576 / 20)   // just over 1 MB
        let rows: [(s: String?, i: Int?, d: Double?, b: Bool?)] = [
            ("plain", 42, 3.141592653589793, true),
            ("it's \"quoted\" \\ back\\slash; DROP TABLE x; --", Int.max, -0.1, false),
            ("héllo wörld — 中文 🌍🎉 e\u{0301}", Int.min, 1e-300, nil),
            (nil, nil, nil, nil),
            ("", 0, .infinity, true),
            (big, -1, -.infinity, true),
        ]
        for row in rows {
            let parameters: [PostgresValue?] = [row.s.map { .string($0) }, row.i.map { .int($0) },
                                                row.d.map { .double($0) }, row.b.map { .bool($0) }]
            let result = try conn.execute("INSERT INTO \(table) (s, i, d, b) VALUES ($1, $2, $3, $4)", parameters)
            #expect(result.affectedRows == 1)
        }
        let back = try conn.execute("SELECT s, i, d, b FROM \(table) ORDER BY ctid")
        #expect(back.columns == ["s", "i", "d", "b"])
        #expect(back.count == rows.count)
        for (sent, got) in zip(rows, back.rows) {
            #expect(try got.string("s") == sent.s)
            #expect(try got.int("i") == sent.i)
            #expect(try got.double("d") == sent.d)
            #expect(try got.bool("b") == sent.b)
            #expect(try got.isNull("s") == (sent.s == nil))
        }
        #expect(try back[5].string("s")?.utf8.count == big.utf8.count)
        #expect(big.utf8.count > 1_000_000)
    }

    @Test func literalsAndSpecialDoubles() throws {
        let conn = try TestDatabase.connect()
        let row = try #require(try conn.execute(
            "SELECT $1::text AS s, $2::int AS i, $3::float8 AS d, $4::bool AS b, $5::text AS n, $6::float8 AS nan, "
                + "true AS t, false AS f, 'true'::text AS tt, 1.5::numeric AS num, NULL::int AS null_int",
            ["x\(1 + 1)", 7, 2.5, false, nil, .double(.nan)]).first)
        #expect(try row.string("s") == "x2")
        #expect(try row.int("i") == 7)
        #expect(try row.double("d") == 2.5)
        #expect(try row.bool("b") == false)
        #expect(try row.string("n") == nil)
        #expect(try row.isNull("n"))
        #expect(try row.double("nan")?.isNaN == true)
        #expect(try row.bool("t") == true && row.bool("f") == false)   // PostgreSQL sends t / f
        #expect(try row.bool("tt") == true)
        #expect(try row.double("num") == 1.5)
        #expect(try row.int("null_int") == nil)
        #expect(try row.int(at: 1) == 7)
        #expect(try row.string(at: 0) == "x2")
        #expect(row.values.count == 11)
    }

    @Test func doublesComeBackBitForBit() throws {
        let conn = try TestDatabase.connect()
        for value in [0.1, 1.0 / 3.0, 6.02214076e23, -2.2250738585072014e-308, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude] {
            let back = try conn.execute("SELECT $1::float8 AS d", [.double(value)]).first?.double("d")
            #expect(back?.bitPattern == value.bitPattern, "\(value)")
        }
    }

    @Test func accessorsReportMisuse() throws {
        let conn = try TestDatabase.connect()
        let row = try #require(try conn.execute("SELECT 'abc' AS word, 'maybe' AS answer").first)
        #expect(throws: PostgresError("column \"word\" is not an integer: \"abc\"")) { try row.int("word") }
        #expect(throws: PostgresError.self) { try row.bool("answer") }
        #expect(throws: PostgresError.self) { try row.double("word") }
        let missing = #expect(throws: PostgresError.self) { try row.string("nope") }
        #expect(missing?.message == "no column \"nope\" in the result (columns: word, answer)")
        #expect(throws: PostgresError.self) { try row.string(at: 2) }
    }

    @Test func affectedRowsAndCommandTags() throws {
        let conn = try TestDatabase.connect()
        let table = TestDatabase.uniqueName()
        #expect(try conn.execute("CREATE TABLE \(table) (n int)").commandTag == "CREATE TABLE")
        defer { _ = try? conn.execute("DROP TABLE \(table)") }
        #expect(try conn.execute("INSERT INTO \(table) SELECT generate_series(1, 5)").affectedRows == 5)
        let update = try conn.execute("UPDATE \(table) SET n = n * 10 WHERE n > $1", [2])
        #expect(update.affectedRows == 3)
        #expect(update.commandTag == "UPDATE 3")
        #expect(try conn.execute("SELECT n FROM \(table)").affectedRows == 5)
        #expect(try conn.execute("DELETE FROM \(table) WHERE n = $1", [999]).affectedRows == 0)
        #expect(try conn.execute("SELECT 1 WHERE false").count == 0)
    }

    @Test func nulCharactersAreRefusedBeforeSending() throws {
        let conn = try TestDatabase.connect()
        let error = #expect(throws: PostgresError.self) { try conn.execute("SELECT $1::text", ["a\u{0}b"]) }
        #expect(error?.message.contains("parameter $1 contains a NUL character") == true)
        #expect(try conn.execute("SELECT 1 AS one").first?.int("one") == 1)
    }

    @Test func clientEncodingIsAlwaysUTF8() throws {
        let conn = try TestDatabase.connect("client_encoding=LATIN1")
        #expect(try conn.execute("SHOW client_encoding").first?.string(at: 0) == "UTF8")
        #expect(try conn.execute("SELECT $1::text AS s", ["€ ✓"]).first?.string("s") == "€ ✓")
    }

    @Test func valueTextForms() {
        #expect(PostgresValue.bool(true).text == "true")
        #expect(PostgresValue.double(-.infinity).text == "-Infinity")
        #expect(PostgresValue.double(1e20).text == "1e+20")
        #expect(PostgresValue.int(-5).text == "-5")
    }
}
