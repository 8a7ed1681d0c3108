import ArenaCore
import ArenaProviders
import Foundation

/// `arena-bench decode`: CPU per token of arena's OpenAI stream decoder alone, in this process:
/// the part of `arena ask` and of the gateway's capture that is arena's own (issues #16, #17).
///
/// ```sh
/// .build/release/arena-bench decode --tokens 20000 --runs 7
/// ```
///
/// Two chunk shapes: the bench server's (`choices` only) and an OpenAI-style one (`id`, `object`,
/// `created`, a long `model`, `system_fingerprint`, `logprobs`). Two feedings: one SSE event per
/// feed (a slow model) and 4 KiB pieces (a fast one, or the gateway's joined batches). The decoded
/// text is checked against what was encoded.
///
/// Traps: this VM has slow spells of a few seconds that move the median by up to 50%; compare
/// the minimums of two builds run alternately.
enum DecodeBenchmark {
    static let usage = """
    [--tokens 20000] [--runs 7]

    """

    static func run(_ arguments: [String]) async -> Int32 {
        var tokens = 20_000, runs = 7
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--tokens": tokens = Int(value) ?? tokens
            case "--runs": runs = Int(value) ?? runs
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        let pieces = ScreenBenchmark.sampleTokens(count: tokens)
        let expected = pieces.joined()
        for shape in Shape.allCases {
            let events = stream(pieces, shape: shape)
            let whole = events.flatMap { $0 }
            let quarters = stride(from: 0, to: whole.count, by: 4096).map { Array(whole[$0..<min($0 + 4096, whole.count)]) }
            for (feeding, feeds) in [("one event per feed", events), ("4 KiB per feed", quarters)] {
                var times: [Double] = []
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    var decoder = OpenAIChatDecoder()
                    var text = ""
                    text.reserveCapacity(expected.utf8.count)
                    for feed in feeds {
                        for event in decoder.feed(feed) { if case .text(let piece) = event { text += piece } }
                    }
                    _ = decoder.finish()
                    let elapsed = ContinuousClock.now - start
                    guard text == expected else {
                        FileHandle.standardError.write(Data("decode: the \(shape) stream decoded to other text\n".utf8))
                        return 1
                    }
                    times.append((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / Double(tokens))
                }
                times.sort()
                print(String(format: "%@ chunks, %@: %.0f ns per token (median of %d; min %.0f)",
                             shape.rawValue, feeding, times[times.count / 2] * 1e9, runs, times[0] * 1e9))
            }
        }
        return 0
    }

    enum Shape: String, CaseIterable {
        case bench = "bench-server"
        case openAI = "OpenAI-style"
    }

    /// The SSE bytes of one answer, one array per event.
    static func stream(_ pieces: [String], shape: Shape) -> [[UInt8]] {
        func payload(_ delta: String, finish: String?) -> String {
            let reason = finish.map { "\"\($0)\"" } ?? "null"
            switch shape {
            case .bench:
                return #"{"choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(reason)}]}"#
            case .openAI:
                return #"{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion.chunk","created":1741569952,"#
                    + #""model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306","#
                    + #""choices":[{"index":0,"delta":\#(delta),"logprobs":null,"finish_reason":\#(reason)}]}"#
            }
        }
        var events = [payload(#"{"role":"assistant","content":""}"#, finish: nil)]
        for piece in pieces { events.append(payload("{\"content\":\(json(piece))}", finish: nil)) }
        events.append(payload("{}", finish: "stop"))
        return events.map { Array("data: \($0)\n\n".utf8) } + [Array("data: [DONE]\n\n".utf8)]
    }

    static func json(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
