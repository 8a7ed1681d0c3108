import ArenaTestTraits
import ArenaCore
import ArenaProviders
import Testing

/// Every captured 2xx chat transcript through its decoder: whole, split at every byte offset, and
/// byte by byte must fold to the same answer, and that answer must equal the golden written by the
/// independent Python oracle (`scripts/make-decoder-goldens.py`).
@Suite("Transcript replay", .ownThread)
struct TranscriptReplayTests {
    @Test("every 2xx transcript has a golden, and the oracle covers only those",
          arguments: [()])
    func goldensCoverTranscripts(_: Void) throws {
        #expect(DecodingFixtures.successCases.count >= 20)
        for id in DecodingFixtures.successCases {
            let golden = try DecodingFixtures.golden(id)
            #expect(golden.source == id + ".body")
        }
    }

    @Test("decoded whole, split anywhere and byte by byte, equal to the golden",
          arguments: DecodingFixtures.successCases)
    func replay(_ id: String) throws {
        let transcript = try DecodingFixtures.transcript(id)
        let golden = try DecodingFixtures.golden(id)
        #expect(golden.decoder == transcript.format.rawValue)

        let answer: AnswerAccumulator
        if transcript.isCompleteJSON {
            #expect(golden.path == "complete")
            let events = transcript.format.completeEvents(transcript.body)
            #expect(DecoderReplay.hasOneTerminalLast(events))
            answer = DecoderReplay.fold(events)
        } else {
            #expect(golden.path == "stream")
            switch transcript.format {
            case .openAI: answer = try Self.replayStream(OpenAIChatDecoder(), transcript.body)
            case .anthropic: answer = try Self.replayStream(AnthropicMessagesDecoder(), transcript.body)
            case .gemini: answer = try Self.replayStream(GeminiStreamDecoder(), transcript.body)
            case .ollama: answer = try Self.replayStream(OllamaChatDecoder(), transcript.body)
            }
        }

        #expect(answer.text == golden.text)
        #expect(answer.reasoning == golden.reasoning)
        #expect(answer.finishReason?.rawValue == golden.finishReason)
        #expect(answer.error?.kind.rawValue == golden.errorKind)
        #expect(answer.usage == golden.usage)
        #expect(answer.textDeltaCount == golden.textDeltaCount)
        #expect(answer.served?.model == golden.servedModel)
        #expect(answer.served?.fingerprint == golden.fingerprint)
    }

    /// Replays `body` four ways and returns the one answer they must agree on.
    static func replayStream<D: ChatStreamDecoder & Equatable>(_ fresh: D, _ body: [UInt8]) throws -> AnswerAccumulator {
        let whole = DecoderReplay.whole(fresh, body)
        #expect(DecoderReplay.hasOneTerminalLast(whole))

        let bytewise = DecoderReplay.bytewise(fresh, body)
        #expect(bytewise == whole)
        #expect(DecoderReplay.fold(bytewise) == DecoderReplay.fold(whole))

        let mismatches = DecoderReplay.splitMismatches(fresh, body)
        #expect(mismatches.isEmpty, "splits at \(mismatches.prefix(10)) differ from one feed")

        // The literal O(n²) two-feed check where it stays cheap.
        if body.count <= 2500 {
            let literal = DecoderReplay.literalSplitMismatches(fresh, body)
            #expect(literal.isEmpty, "two feeds split at \(literal.prefix(10)) differ from one feed")
        }
        return DecoderReplay.fold(whole)
    }
}
