import ArenaCore
import ArenaProviders
import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// Forwards a chat request to an OpenAI-compatible upstream and relays its answer as it comes:
/// the upstream's status, content type and body bytes, unchanged. A copy of the bytes goes through
/// arena's own decoder, for the capture and the day's spend.
///
/// Traps: the head (status and headers) is awaited before the response is returned, so a refused
/// connection or an error status is known while another model can still take the request.
/// Upstream failures mid-body end an event stream with an OpenAI-shaped `error` event.
struct UpstreamRelay: Sendable {
    let client: HTTPClient
    let environment: [String: String]
    let config: ArenaConfig
    let forwardClientKey: Bool

    /// Request headers worth passing on; everything else (the client's key, cookies, encodings) stays here.
    static let forwardedRequestHeaders = ["content-type", "accept", "user-agent", "openai-organization", "openai-project", "openai-beta"]
    /// Response headers that belong to one hop, or that Hummingbird writes itself.
    static let hopByHop: Set<String> = ["connection", "keep-alive", "transfer-encoding", "content-length", "date", "server",
                                        "upgrade", "proxy-connection", "te", "trailer"]

    enum Outcome: Sendable {
        /// The upstream answered with this head; `body` streams the rest.
        case head(status: Int, headers: [(String, String)], body: BatchedResponse)
        /// No answer at all (refused, timed out, bad key configuration).
        case unreachable(ProviderError)
    }

    /// - Parameter loop: the app's connection's event loop; the upstream connection is taken on
    ///   the same one, so a relayed chunk never crosses threads.
    func open(path: String, method: HTTPMethod, body: Data?, model: ModelConfig, clientHeaders: HTTPFields,
              on loop: (any EventLoop)? = nil) async -> Outcome {
        var headers = HTTPHeaders()
        for field in clientHeaders where Self.forwardedRequestHeaders.contains(field.name.canonicalName) {
            headers.add(name: field.name.rawName, value: field.value)
        }
        do {
            let key = try KeyResolver.key(variable: KeyResolver.variable(for: model), model: model, environment: environment)
            if let key {
                headers.replaceOrAdd(name: "Authorization", value: "Bearer \(key)")
            } else if forwardClientKey, let clientKey = clientHeaders[.authorization] {
                headers.replaceOrAdd(name: "Authorization", value: clientKey)
            }
        } catch {
            return .unreachable(error)
        }
        for (name, value) in model.headers.sorted(by: { $0.key < $1.key }) { headers.replaceOrAdd(name: name, value: value) }
        let url = model.baseURL.appendingEndpoint(path)
        let limits = StreamLimits(model: model, config: config)
        do {
            let request = try HTTPClient.Request(url: url.absoluteString, method: method, headers: headers,
                                                 body: body.map { .byteBuffer(ByteBuffer(bytes: $0)) })
            let stream = BatchedResponse.execute(request, on: client, loop: loop,
                                                 headDeadline: .milliseconds(Int64((limits.firstTokenSeconds + 1) * 1000)),
                                                 idle: .milliseconds(Int64(max(limits.idleSeconds, 0.05) * 1000)))
            let head = try await stream.head()
            let kept = head.headers.filter { !Self.hopByHop.contains($0.0.lowercased()) }
            return .head(status: head.status, headers: kept, body: stream)
        } catch {
            return .unreachable(TransportErrorMapper.map(error, url: model.baseURL))
        }
    }
}

/// Folds a relayed body into an `Answer`: SSE through arena's decoder as it passes, a whole JSON
/// body at the end. Times are from the request's start.
struct RelayTap: Sendable {
    let format = OpenAIChatFormat()
    let streamed: Bool
    let started: ContinuousClock.Instant
    let maxBytes: Int
    private var decoder: (any ChatStreamDecoder)?
    private var whole: [UInt8] = []
    private(set) var accumulator = AnswerAccumulator()
    private var firstContent: Duration?
    /// Bytes past the first text not decoded yet (see `feed`).
    private var deferred = ByteBuffer()
    static let deferredBytes = 16 << 10
    /// Whether answer (or reasoning) text has passed.
    var sawContent: Bool { firstContent != nil }

    init(streamed: Bool, started: ContinuousClock.Instant, maxBytes: Int) {
        self.streamed = streamed
        self.started = started
        self.maxBytes = maxBytes
        decoder = streamed ? format.makeDecoder() : nil
    }

    mutating func feed(_ buffer: ByteBuffer) {
        if decoder != nil {
            // Until the first text, each piece is decoded as it comes (its time is the answer's
            // time to first token); after it, in pieces of at least `Self.deferredBytes`, which
            // costs less per token when a fast server sends one small event per chunk.
            guard sawContent else { return apply(decoder!.feed(buffer.readableBytesView)) }
            var buffer = buffer
            deferred.writeBuffer(&buffer)
            if deferred.readableBytes >= Self.deferredBytes { decodeDeferred() }
        } else if whole.count < maxBytes {
            whole += buffer.readableBytesView.prefix(maxBytes - whole.count)
        }
    }

    private mutating func decodeDeferred() {
        guard deferred.readableBytes > 0 else { return }
        apply(decoder!.feed(deferred.readableBytesView))
        deferred.clear()
    }

    mutating func finish(failure: ProviderError?) {
        if decoder != nil { decodeDeferred() }
        if let failure {
            apply([.failed(failure)])
        } else if decoder != nil {
            let events = decoder!.finish()
            apply(events)
        } else {
            apply(format.decodeWhole(whole))
        }
    }

    private mutating func apply(_ events: [StreamEvent]) {
        for event in events {
            if firstContent == nil, case .text = event { firstContent = ContinuousClock.now - started }
            if firstContent == nil, case .reasoning = event { firstContent = ContinuousClock.now - started }
            accumulator.apply(event)
        }
    }

    func answer(prompt: [ChatMessage], price: Price?) -> Answer {
        let milliseconds: (Duration) -> Double = { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }
        return AnswerBuilder.answer(seatIndex: 0, accumulator: accumulator, ttftMs: firstContent.map(milliseconds),
                                    durationMs: milliseconds(ContinuousClock.now - started), prompt: prompt, price: price)
    }
}
