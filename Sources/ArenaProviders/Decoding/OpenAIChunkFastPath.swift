import ArenaCore

/// The hot `chat.completion.chunk` shapes read straight from the payload's bytes, without
/// `JSONDecoder` (issue #16: its generic machinery was most of the per-token CPU). Internal.
///
/// ```swift
/// let chunk = OpenAIChunkFastPath.decode(payload) ?? (try WireJSON.decode(OpenAIChatChunk.self, from: payload))
/// ```
///
/// Returns the very `OpenAIChatChunk` the Codable path would build, or nil whenever it is not
/// sure it would: then the caller must use `JSONDecoder`, which stays the one definition of the
/// format. It reads `choices[].index/delta/message/finish_reason`, a message's string `content`,
/// `reasoning_content` and `reasoning`, `usage` (the OpenAI and DeepSeek fields), `model` and
/// `system_fingerprint`.
///
/// Falls back on (traps, each on purpose):
/// - anything carrying an error: a non-null `error`, `"object": "error"`, any `x_groq`;
/// - Mistral's array `content`, a field of a type the Codable path would reject or coerce
///   (`"index": "0"`, `"prompt_tokens": 1.0`), a duplicated known key;
/// - escaped keys, lone surrogates, raw control characters, nesting deeper than 64, anything
///   after the top-level object: `JSONByteReader` is never laxer than `JSONDecoder`.
/// `OpenAIChunkFastPathOracleTests` checks the two paths agree on seeded random chunks.
enum OpenAIChunkFastPath {
    /// - Parameter known: what the stream reported so far; a chunk repeating its `model` and
    ///   `system_fingerprint` gets these very strings (no allocation per chunk).
    static func decode(_ payload: String, known: ServedModel = ServedModel()) -> OpenAIChatChunk? {
        payload.utf8.withContiguousStorageIfAvailable { bytes -> OpenAIChatChunk? in
            var reader = JSONByteReader(bytes)
            guard let chunk = reader.chunk(known: known), reader.atEnd else { return nil }
            return chunk
        } ?? nil
    }
}

extension OpenAIChatChunk {
    init(fastChoices: [Choice]?, usage: OpenAIUsage?, model: String?, systemFingerprint: String?) {
        self.choices = fastChoices
        self.usage = usage
        self.model = model
        self.systemFingerprint = systemFingerprint
    }
}

extension OpenAIContent {
    init(text: String) { self.text = text }
}

/// Which known keys an object has had, to refuse duplicates (JSONDecoder's choice among
/// duplicates is its own business).
private struct SeenKeys {
    private var bits: UInt32 = 0
    mutating func first(_ bit: UInt32) -> Bool {
        defer { bits |= 1 << bit }
        return bits & (1 << bit) == 0
    }
}

extension JSONByteReader {
    /// The top-level chunk object.
    fileprivate mutating func chunk(known: ServedModel) -> OpenAIChatChunk? {
        var choices: [OpenAIChatChunk.Choice]?
        var usage: OpenAIUsage?
        var model: String?
        var fingerprint: String?
        var seen = SeenKeys()
        let ok = members { reader, key in
            if reader.key(key, is: "choices") {
                guard seen.first(0) else { return false }
                if reader.consumeNull() { return true }
                var list: [OpenAIChatChunk.Choice] = []
                let read = reader.elements { reader in
                    guard let choice = reader.choice() else { return false }
                    list.append(choice)
                    return true
                }
                choices = list
                return read
            }
            if reader.key(key, is: "usage") {
                guard seen.first(1) else { return false }
                if reader.consumeNull() { return true }
                usage = reader.usage()
                return usage != nil
            }
            if reader.key(key, is: "error") {
                return reader.consumeNull()  // a null error is no error; anything else → fallback
            }
            if reader.key(key, is: "x_groq") { return false }
            if reader.key(key, is: "object") {
                guard seen.first(2) else { return false }
                if reader.consumeNull() { return true }
                guard let isError = reader.string(is: "error") else { return false }
                return !isError
            }
            if reader.key(key, is: "model") {
                // A string or null; anything else goes to the fallback (which reads it as nil).
                guard seen.first(3), let value = reader.nullableString(reusing: known.model) else { return false }
                model = value
                return true
            }
            if reader.key(key, is: "system_fingerprint") {
                guard seen.first(4), let value = reader.nullableString(reusing: known.fingerprint) else { return false }
                fingerprint = value
                return true
            }
            return reader.skipValue()
        }
        return ok ? OpenAIChatChunk(fastChoices: choices, usage: usage, model: model, systemFingerprint: fingerprint) : nil
    }

    private mutating func choice() -> OpenAIChatChunk.Choice? {
        var choice = OpenAIChatChunk.Choice()
        var seen = SeenKeys()
        let ok = members { reader, key in
            if reader.key(key, is: "index") {
                guard seen.first(0), let index = reader.nullableInt() else { return false }
                choice.index = index
                return true
            }
            if reader.key(key, is: "delta") {
                guard seen.first(1) else { return false }
                if reader.consumeNull() { return true }
                choice.delta = reader.message()
                return choice.delta != nil
            }
            if reader.key(key, is: "message") {
                guard seen.first(2) else { return false }
                if reader.consumeNull() { return true }
                choice.message = reader.message()
                return choice.message != nil
            }
            if reader.key(key, is: "finish_reason") {
                guard seen.first(3), let reason = reader.nullableString() else { return false }
                choice.finishReason = reason
                return true
            }
            return reader.skipValue()
        }
        return ok ? choice : nil
    }

    private mutating func message() -> OpenAIChatChunk.Message? {
        var message = OpenAIChatChunk.Message()
        var seen = SeenKeys()
        let ok = members { reader, key in
            if reader.key(key, is: "content") {
                // A string or null only: Mistral's array of parts goes to the fallback.
                guard seen.first(0), let content = reader.nullableString() else { return false }
                message.content = content.map(OpenAIContent.init(text:))
                return true
            }
            if reader.key(key, is: "reasoning_content") {
                guard seen.first(1), let text = reader.nullableString() else { return false }
                message.reasoningContent = text
                return true
            }
            if reader.key(key, is: "reasoning") {
                guard seen.first(2), let text = reader.nullableString() else { return false }
                message.reasoning = text
                return true
            }
            return reader.skipValue()
        }
        return ok ? message : nil
    }

    /// A usage object whose known fields are all plain integers (or null) and whose details are
    /// objects (or null); anything else → nil (the Codable path's `try?` rules decide then).
    private mutating func usage() -> OpenAIUsage? {
        var usage = OpenAIUsage()
        var seen = SeenKeys()
        let ok = members { reader, key in
            if reader.key(key, is: "prompt_tokens") {
                guard seen.first(0), let value = reader.nullableInt() else { return false }
                usage.promptTokens = value
                return true
            }
            if reader.key(key, is: "completion_tokens") {
                guard seen.first(1), let value = reader.nullableInt() else { return false }
                usage.completionTokens = value
                return true
            }
            if reader.key(key, is: "prompt_cache_hit_tokens") {
                guard seen.first(2), let value = reader.nullableInt() else { return false }
                usage.promptCacheHitTokens = value
                return true
            }
            if reader.key(key, is: "prompt_cache_miss_tokens") {
                guard seen.first(3), let value = reader.nullableInt() else { return false }
                usage.promptCacheMissTokens = value
                return true
            }
            if reader.key(key, is: "prompt_tokens_details") {
                guard seen.first(4) else { return false }
                if reader.consumeNull() { return true }
                guard let cached = reader.singleIntField("cached_tokens") else { return false }
                usage.promptTokensDetails = OpenAIUsage.PromptDetails(cachedTokens: cached)
                return true
            }
            if reader.key(key, is: "completion_tokens_details") {
                guard seen.first(5) else { return false }
                if reader.consumeNull() { return true }
                guard let reasoning = reader.singleIntField("reasoning_tokens") else { return false }
                usage.completionTokensDetails = OpenAIUsage.CompletionDetails(reasoningTokens: reasoning)
                return true
            }
            return reader.skipValue()
        }
        return ok ? usage : nil
    }

    /// An object whose only field of interest is the integer `name`; `.some(nil)` when absent or null.
    private mutating func singleIntField(_ name: StaticString) -> Int?? {
        var value: Int?
        var seen = SeenKeys()
        let ok = members { reader, key in
            guard reader.key(key, is: name) else { return reader.skipValue() }
            guard seen.first(0), let read = reader.nullableInt() else { return false }
            value = read
            return true
        }
        return ok ? .some(value) : nil
    }
}
