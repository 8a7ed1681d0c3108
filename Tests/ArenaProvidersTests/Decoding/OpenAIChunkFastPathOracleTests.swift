import ArenaTestTraits
import ArenaCore
@testable import ArenaProviders
import Foundation
import Testing

/// The byte-level fast path against its oracle, the Codable `OpenAIChatChunk`: whenever the fast
/// path accepts a payload it must read exactly what JSONDecoder reads, and it must never accept a
/// payload JSONDecoder rejects.
@Suite("OpenAIChunkFastPath oracle", .ownThread)
struct OpenAIChunkFastPathOracleTests {
    /// What the decoder takes from a chunk.
    struct Reading: Equatable {
        var deltaEvents: [StreamEvent]?
        var messageEvents: [StreamEvent]?
        var usage: TokenUsage?
        var finishReason: String??
        var failed: Bool
        var choiceCount: Int?
        var model: String?
        var fingerprint: String?
    }

    static func reading(_ chunk: OpenAIChatChunk) -> Reading {
        let choice = chunk.primaryChoice
        return Reading(deltaEvents: choice?.delta?.events(), messageEvents: choice?.message?.events(),
                       usage: chunk.tokenUsage, finishReason: choice.map(\.finishReason),
                       failed: chunk.failure != nil, choiceCount: chunk.choices?.count,
                       model: chunk.model, fingerprint: chunk.systemFingerprint)
    }

    /// Nil when the fast path declined; otherwise whether it agreed with the oracle.
    static func check(_ payload: String) -> (accepted: Bool, agrees: Bool) {
        let oracle = try? WireJSON.decode(OpenAIChatChunk.self, from: payload)
        guard let fast = OpenAIChunkFastPath.decode(payload) else { return (false, true) }
        guard let oracle else { return (true, false) }
        // Told what earlier chunks reported (these very names, or others), it reads the same.
        let knowns = [ServedModel(model: oracle.model, fingerprint: oracle.systemFingerprint), ServedModel(model: "m", fingerprint: "fp")]
        let agreesKnowing = knowns.allSatisfy { known in
            OpenAIChunkFastPath.decode(payload, known: known).map(reading) == reading(oracle)
        }
        return (true, reading(fast) == reading(oracle) && agreesKnowing)
    }

    @Test("seeded random chunks: the fast path reads what JSONDecoder reads, or declines")
    func randomChunks() {
        var generator = SeededGenerator(seed: 16)
        var accepted = 0
        let count = 20_000
        for _ in 0..<count {
            let payload = RandomChunk.chunk(using: &generator)
            let result = Self.check(payload)
            #expect(result.agrees, "\(payload)")
            if !result.agrees { break }
            if result.accepted { accepted += 1 }
        }
        // Not vacuous: most generated chunks are of the hot shape.
        #expect(accepted > count / 3, "accepted \(accepted) of \(count)")
    }

    @Test("the hot shapes take the fast path")
    func hotShapes() {
        let payloads = [
            #"{"choices":[{"index":0,"delta":{"content":"Hel\"lo\n\u00e9\ud83d\ude00"},"finish_reason":null}]}"#,
            #"{"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"reasoning_content":"r"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
            #"{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":2},"completion_tokens_details":{"reasoning_tokens":1}}}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"timings":{"prompt_n":1,"predicted_ms":1.5e2}}"#,
        ]
        for payload in payloads {
            let result = Self.check(payload)
            #expect(result.accepted && result.agrees, "\(payload)")
        }
        let fast = OpenAIChunkFastPath.decode(payloads[0])
        #expect(fast?.primaryChoice?.delta?.events() == [.text("Hel\"lo\né😀")])
    }

    @Test("errors, tool calls' odd shapes and invalid JSON go to JSONDecoder")
    func declines() {
        let payloads = [
            #"{"error":{"message":"boom"}}"#,
            #"{"object":"error","message":"bad","code":400}"#,
            #"{"choices":[],"x_groq":{"usage":{"prompt_tokens":1}}}"#,
            #"{"choices":[{"delta":{"content":[{"type":"text","text":"a"}]}}]}"#,
            #"{"choices":[{"index":"0","delta":{"content":"a"}}]}"#,
            #"{"choices":[{"delta":{"content":"\ud800"}}]}"#,
            #"{"choices":[{"delta":{"content":"a"}}]} x"#,
            #"{"choices":[{"delta":{"content":"a","content":"b"}}]}"#,
            #"{"usage":{"prompt_tokens":1.0}}"#,
            #"{"choices":[{"delta":{"content":"a"}},]}"#,
        ]
        for payload in payloads {
            #expect(OpenAIChunkFastPath.decode(payload) == nil, "\(payload)")
        }
    }

    @Test("every data payload of every OpenAI transcript: fast path and oracle agree")
    func transcripts() throws {
        var payloads = 0
        for id in DecodingFixtures.allCases {
            let transcript = try DecodingFixtures.transcript(id)
            guard transcript.format == .openAI else { continue }
            var sse = SSEDecoder()
            for event in sse.feed(transcript.body) + sse.finish() {
                let payload = event.data.trimmingWhitespace
                guard payload.hasPrefix("{") else { continue }
                payloads += 1
                #expect(Self.check(payload).agrees, "\(id): \(payload)")
            }
        }
        #expect(payloads > 0)
    }
}
