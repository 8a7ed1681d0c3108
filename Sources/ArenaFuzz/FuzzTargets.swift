import ArenaCore
import ArenaProviders
import ArenaUI
import Foundation

/// What the fuzzer feeds: each target takes raw bytes and must never crash, hang or trap —
/// errors are fine, they are what bad input should produce.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case openAIStream, anthropicStream, geminiStream, ollamaStream, sse, config, suite, theme, importRows

    /// Runs one input through the target, fed in the given chunks where the target streams.
    public func run(_ bytes: [UInt8], chunks: [ArraySlice<UInt8>]) {
        switch self {
        case .openAIStream: Self.decode(OpenAIChatDecoder(), chunks)
        case .anthropicStream: Self.decode(AnthropicMessagesDecoder(), chunks)
        case .geminiStream: Self.decode(GeminiStreamDecoder(), chunks)
        case .ollamaStream: Self.decode(OllamaChatDecoder(), chunks)
        case .sse:
            var decoder = SSEDecoder()
            for chunk in chunks { _ = decoder.feed(chunk) }
            _ = decoder.finish()
        case .config: _ = try? ConfigParser(file: "fuzz.yaml").parse(String(decoding: bytes, as: UTF8.self))
        case .suite: _ = try? SuiteParser(file: "fuzz.yaml").parse(String(decoding: bytes, as: UTF8.self))
        case .theme: _ = try? ThemeLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        case .importRows: _ = BattleImporter.parse(Data(bytes), file: "fuzz.jsonl")
        }
        // Whole-body paths too, for the stream formats.
        switch self {
        case .openAIStream: _ = OpenAIChatDecoder.decodeWhole(bytes)
        case .anthropicStream: _ = AnthropicMessagesDecoder.decodeWhole(bytes)
        case .geminiStream: _ = GeminiStreamDecoder.decodeWhole(bytes)
        case .ollamaStream: _ = OllamaChatDecoder.decodeWhole(bytes)
        default: break
        }
    }

    private static func decode(_ decoder: some ChatStreamDecoder, _ chunks: [ArraySlice<UInt8>]) {
        var decoder = decoder
        var accumulator = AnswerAccumulator()
        for chunk in chunks { accumulator.apply(decoder.feed(chunk)) }
        accumulator.apply(decoder.finish())
    }
}

/// Runs the fuzzer: seeded, bounded by a count or a time, reporting inputs tried.
public struct FuzzRun {
    public var seed: UInt64
    public var seeds: [FuzzTarget: [[UInt8]]]

    public init(seed: UInt64, seeds: [FuzzTarget: [[UInt8]]]) {
        self.seed = seed
        self.seeds = seeds
    }

    /// Runs `count` inputs per target (or until `deadline`), calling `progress` now and then.
    @discardableResult
    public func run(countPerTarget: Int, deadline: ContinuousClock.Instant? = nil,
                    progress: (FuzzTarget, Int) -> Void = { _, _ in }) -> Int {
        var total = 0
        for (offset, target) in FuzzTarget.allCases.enumerated() {
            var mutator = InputMutator(seed: seed &+ UInt64(offset), seeds: seeds[target] ?? [[]])
            for index in 0..<countPerTarget {
                if let deadline, index % 256 == 0, ContinuousClock.now >= deadline { break }
                let input = mutator.next()
                target.run(input, chunks: mutator.chunks(of: input))
                total += 1
                if index % 10_000 == 0 { progress(target, index) }
            }
        }
        return total
    }

    /// Runs one target until `count` inputs or `deadline`; returns the inputs tried.
    public func runOne(_ target: FuzzTarget, count: Int, deadline: ContinuousClock.Instant) -> Int {
        var mutator = InputMutator(seed: seed, seeds: seeds[target] ?? [[]])
        var tried = 0
        while tried < count {
            if tried % 256 == 0, ContinuousClock.now >= deadline { break }
            let input = mutator.next()
            target.run(input, chunks: mutator.chunks(of: input))
            tried += 1
        }
        return tried
    }

    /// Seed inputs from a fixtures tree (transcript bodies) and the repo's prompts/ and themes/.
    public static func seeds(transcripts: String, prompts: String?, themes: String?, config: String) -> [FuzzTarget: [[UInt8]]] {
        func files(_ directory: String?, suffix: String, matching: (String) -> Bool = { _ in true }) -> [[UInt8]] {
            guard let directory, let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
            return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) && matching($0) }.sorted()
                .compactMap { FileManager.default.contents(atPath: "\(directory)/\($0)").map(Array.init) }
        }
        let openai = files(transcripts, suffix: ".body") { $0.hasPrefix("llama") || $0.contains("/openai_") }
        let anthropic = files(transcripts, suffix: ".body") { $0.contains("anthropic_") }
        let gemini = files(transcripts, suffix: ".body") { $0.contains("gemini_") }
        let ollama: [[UInt8]] = [Array(#"{"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}\#n{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":2}\#n"#.utf8)]
        let rows: [[UInt8]] = [Array(#"{"model_a":"a","model_b":"b","winner":"model_a","tstamp":1700000000,"conversation_a":[{"role":"user","content":"q"}]}\#n"#.utf8)]
        return [.openAIStream: openai, .anthropicStream: anthropic, .geminiStream: gemini, .ollamaStream: ollama,
                .sse: openai + anthropic + gemini, .config: [Array(config.utf8)], .suite: files(prompts, suffix: ".yaml"),
                .theme: files(themes, suffix: ".yaml"), .importRows: rows]
    }
}
