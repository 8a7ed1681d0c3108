import ArenaCore

/// Seeded random `chat.completion.chunk` payloads for the fast-path oracle: escapes, unicode,
/// random key order, extra and null fields, and now and then a wrong type or broken JSON.
enum RandomChunk {
    static func chunk(using g: inout SeededGenerator) -> String {
        var members: [String] = []
        if chance(0.9, &g) {
            members.append(#""choices":"# + (chance(0.05, &g) ? "null" : choices(&g)))
        }
        if chance(0.3, &g) { members.append(#""usage":"# + usage(&g)) }
        if chance(0.3, &g) { members.append(#""object":"# + pick([#""chat.completion.chunk""#, "null", "1", #""error""#, #""\u0065rror""#, #""chat.compl\u0065tion.chunk""#], &g)) }
        if chance(0.1, &g) { members.append(#""error":"# + pick(["null", #"{"message":"x"}"#, "false", "{}"], &g)) }
        if chance(0.05, &g) { members.append(#""x_groq":{"usage":{"prompt_tokens":3}}"#) }
        if chance(0.5, &g) { members.append(#""model":"# + servedString(&g, odd: ["null", "1", "{}", #"["m"]"#])) }
        if chance(0.2, &g) { members.append(#""system_fingerprint":"# + servedString(&g, odd: ["null", "false", "{}"])) }
        for _ in 0..<Int.random(in: 0...3, using: &g) { members.append(extra(&g)) }
        if chance(0.02, &g), let first = members.first { members.append(first) }  // a duplicate key
        members.shuffle(using: &g)
        var text = "{" + members.joined(separator: pick([",", ", ", ",\n "], &g)) + "}"
        if chance(0.02, &g) { text = String(text.dropLast(Int.random(in: 1...3, using: &g))) }
        if chance(0.01, &g) { text += pick([" x", ",", "}"], &g) }
        return text
    }

    /// A model name or fingerprint: usually plain, sometimes any string, now and then not a string.
    static func servedString(_ g: inout SeededGenerator, odd: [String]) -> String {
        if chance(0.1, &g) { return pick(odd, &g) }
        if chance(0.2, &g) { return string(&g) }
        return pick([#""gpt-4o-2024-08-06""#, #""smollm2-135m""#, #""fp_44709d6fcb""#, #""m""#], &g)
    }

    static func choices(_ g: inout SeededGenerator) -> String {
        let count = pick([0, 1, 1, 1, 1, 2], &g)
        return "[" + (0..<count).map { _ in choice(&g) }.joined(separator: ",") + "]"
    }

    static func choice(_ g: inout SeededGenerator) -> String {
        var members: [String] = []
        if chance(0.8, &g) { members.append(#""index":"# + pick(["0", "0", "1", "null", #""0""#, "0.0", "-0"], &g)) }
        if chance(0.85, &g) { members.append(#""delta":"# + (chance(0.05, &g) ? "null" : message(&g))) }
        if chance(0.1, &g) { members.append(#""message":"# + message(&g)) }
        if chance(0.7, &g) {
            members.append(#""finish_reason":"# + pick(["null", "null", #""stop""#, #""length""#, #""error""#, #""tool_calls""#, "3"], &g))
        }
        if chance(0.3, &g) { members.append(#""logprobs":null"#) }
        if chance(0.2, &g) { members.append(extra(&g)) }
        members.shuffle(using: &g)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func message(_ g: inout SeededGenerator) -> String {
        var members: [String] = []
        if chance(0.2, &g) { members.append(#""role":"assistant""#) }
        if chance(0.7, &g) {
            members.append(#""content":"# + (chance(0.1, &g) ? pick(["null", #"[{"type":"text","text":"a"}]"#, "1"], &g) : string(&g)))
        }
        if chance(0.25, &g) { members.append(#""reasoning_content":"# + (chance(0.1, &g) ? "null" : string(&g))) }
        if chance(0.25, &g) { members.append(#""reasoning":"# + (chance(0.1, &g) ? pick(["null", "{}"], &g) : string(&g))) }
        if chance(0.1, &g) {
            members.append(#""tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{\"a\":1}"}}]"#)
        }
        if chance(0.15, &g) { members.append(extra(&g)) }
        members.shuffle(using: &g)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func usage(_ g: inout SeededGenerator) -> String {
        if chance(0.1, &g) { return "null" }
        let fields = ["prompt_tokens", "completion_tokens", "total_tokens", "prompt_cache_hit_tokens",
                      "prompt_cache_miss_tokens"]
        var members = fields.filter { _ in chance(0.6, &g) }.map { "\"\($0)\":" + integer(&g) }
        if chance(0.3, &g) { members.append(#""prompt_tokens_details":"# + pick(["null", #"{"cached_tokens":5}"#, #"{"cached_tokens":null,"audio_tokens":0}"#, "{}"], &g)) }
        if chance(0.3, &g) { members.append(#""completion_tokens_details":"# + pick(["null", #"{"reasoning_tokens":7}"#, #"{"reasoning_tokens":"7"}"#], &g)) }
        members.shuffle(using: &g)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func integer(_ g: inout SeededGenerator) -> String {
        pick(["0", "1", "42", "100000", "null", "1.0", "1e3", "-3", "99999999999999999999", #""12""#], &g)
    }

    /// A field arena does not read, of any JSON type.
    static func extra(_ g: inout SeededGenerator) -> String {
        let key = pick(["id", "created", "service_tier", "timings", "obfuscation", "p"], &g)  // model, system_fingerprint: read, generated above
        return "\"\(key)\":" + value(&g, depth: 0)
    }

    static func value(_ g: inout SeededGenerator, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &g) {
        case 0: return string(&g)
        case 1: return pick(["0", "-1.5", "1e-7", "3.25E+2", "12"], &g)
        case 2: return pick(["true", "false"], &g)
        case 3: return "null"
        case 4: return chance(0.03, &g) ? pick(["-", "01", "1.", ".5", "tru", "nul", "1e"], &g) : "7"
        case 5: return "[" + (0..<Int.random(in: 0...3, using: &g)).map { _ in value(&g, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<Int.random(in: 0...3, using: &g)).map { n in "\"k\(n)\":" + value(&g, depth: depth + 1) }
                .joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal: plain text, escapes, raw and escaped unicode, surrogate pairs.
    static func string(_ g: inout SeededGenerator) -> String {
        let pieces = [
            "a", "Hel", "lo ", " ", "gpt", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f",
            "\\u00e9", "\\u00E9", "\\u0000", "\\u001f", "\\u4e2d", "\\ud83d\\ude00", "\\uD83D\\uDE00",
            "é", "e\u{301}", "日本", "😀", "“q”", "—", "\\u2014", "%", "{", "}", "[", ":", ",",
        ]
        var text = ""
        for _ in 0..<Int.random(in: 0...8, using: &g) { text += pick(pieces, &g) }
        if chance(0.01, &g) { text += pick(["\\ud800", "\\udc00", "\\x", "\\u12", "\u{1}", "\\ud800\\u0041"], &g) }
        return "\"" + text + "\""
    }

    static func chance(_ p: Double, _ g: inout SeededGenerator) -> Bool { Double.random(in: 0..<1, using: &g) < p }

    static func pick<T>(_ options: [T], _ g: inout SeededGenerator) -> T { options[Int.random(in: 0..<options.count, using: &g)] }
}
