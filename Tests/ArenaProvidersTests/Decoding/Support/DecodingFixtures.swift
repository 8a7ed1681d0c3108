import ArenaCore
import ArenaProviders
import Foundation

/// The captured transcripts under `Fixtures/transcripts` and their goldens under
/// `Fixtures/expected` (written by `scripts/make-decoder-goldens.py`).
///
/// ```swift
/// let transcript = try DecodingFixtures.transcript("llama/stream")
/// let golden = try DecodingFixtures.golden("llama/stream")
/// ```
///
/// Traps: case ids are `<dir>/<name>` without extension; `models` listings are not chat answers
/// and are left out of both lists.
enum DecodingFixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// Every chat transcript id, sorted.
    static let allCases: [String] = {
        let base = root.appendingPathComponent("transcripts")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return dirs.sorted().flatMap { dir -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(dir).path)) ?? []
            return files.filter { $0.hasSuffix(".body") && $0 != "models.body" }
                .map { "\(dir)/\($0.dropLast(".body".count))" }
        }.sorted()
    }()

    /// Chat transcripts answered 2xx: these go through a decoder.
    static let successCases: [String] = allCases.filter { ((try? transcript($0))?.status ?? 0) / 100 == 2 }

    /// Chat transcripts answered with an error status: these go through `error(status:headers:body:keyVariable:)`.
    static let errorCases: [String] = allCases.filter { ((try? transcript($0))?.status ?? 200) / 100 != 2 }

    static func transcript(_ id: String) throws -> CapturedTranscript {
        let base = root.appendingPathComponent("transcripts/\(id)")
        let head = try String(decoding: Data(contentsOf: base.appendingPathExtension("headers")), as: UTF8.self)
        let body = try [UInt8](Data(contentsOf: base.appendingPathExtension("body")))
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return CapturedTranscript(id: id, status: Int(statusLine[1]) ?? 0, headers: headers, body: body)
    }

    static func golden(_ id: String) throws -> DecoderGolden {
        let url = root.appendingPathComponent("expected/\(id).json")
        return try JSONDecoder().decode(DecoderGolden.self, from: Data(contentsOf: url))
    }
}

/// One captured exchange: status, response headers, raw body.
struct CapturedTranscript: Sendable {
    var id: String
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var contentType: String {
        headers.first { $0.0.lowercased() == "content-type" }?.1 ?? ""
    }

    /// Whether the server answered a whole JSON document instead of a stream.
    var isCompleteJSON: Bool { contentType.hasPrefix("application/json") }

    /// The format by folder and name, as the golden script decides it.
    var format: DecoderFormat {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        if name.hasPrefix("anthropic_") { return .anthropic }
        if name.hasPrefix("gemini_") { return .gemini }
        return .openAI
    }
}

/// The expected fold of one transcript (see `scripts/make-decoder-goldens.py`).
struct DecoderGolden: Decodable {
    var source: String
    var decoder: String
    var path: String
    var text: String
    var reasoning: String
    var finishReason: String?
    var errorKind: String?
    var usage: TokenUsage?
    var textDeltaCount: Int
    var servedModel: String?
    var fingerprint: String?
}

/// The four wire formats, with their stream decoders and whole-body fallbacks.
enum DecoderFormat: String, Sendable, CaseIterable {
    case openAI = "openai", anthropic, gemini, ollama

    func completeEvents(_ body: [UInt8]) -> [StreamEvent] {
        switch self {
        case .openAI: OpenAIChatDecoder.decodeWhole(body)
        case .anthropic: AnthropicMessagesDecoder.decodeWhole(body)
        case .gemini: GeminiStreamDecoder.decodeWhole(body)
        case .ollama: OllamaChatDecoder.decodeWhole(body)
        }
    }

    func httpError(_ transcript: CapturedTranscript, keyVariable: String?) -> ProviderError {
        let args = (transcript.status, transcript.headers, transcript.body)
        switch self {
        case .openAI: return OpenAIChatDecoder.error(status: args.0, headers: args.1, body: args.2, keyVariable: keyVariable)
        case .anthropic: return AnthropicMessagesDecoder.error(status: args.0, headers: args.1, body: args.2, keyVariable: keyVariable)
        case .gemini: return GeminiStreamDecoder.error(status: args.0, headers: args.1, body: args.2, keyVariable: keyVariable)
        case .ollama: return OllamaChatDecoder.error(status: args.0, headers: args.1, body: args.2, keyVariable: keyVariable)
        }
    }
}
