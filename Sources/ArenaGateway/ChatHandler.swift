import ArenaCore
import ArenaProviders
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// `POST /v1/chat/completions`: serves the request with the routed model (or the primary),
/// falling back to the primary when the routed one fails before answering, then hands the
/// finished answer to the capture — after the app has it, never in its way.
struct ChatHandler: Sendable {
    let settings: GatewaySettings
    let config: ArenaConfig
    let relay: UpstreamRelay
    let client: ModelClient
    let status: GatewayStatus
    let capture: TrafficCapture?
    let shadows: ShadowPool?
    let route: (any GatewayRoute)?

    static let tagHeader = HTTPField.Name("x-arena-tag")!
    static let modelHeader = HTTPField.Name("x-arena-model")!

    func handle(_ request: Request) async -> Response {
        var request = request
        let bytes: ByteBuffer
        do { bytes = try await request.collectBody(upTo: settings.maxRequestBytes) } catch {
            status.update { $0.rejected += 1 }
            return Self.error(413, "the request body is over \(settings.maxRequestBytes) bytes", type: "invalid_request_error")
        }
        let chat: IncomingChat
        do { chat = try IncomingChat(body: Data(buffer: bytes)) } catch {
            status.update { $0.rejected += 1 }
            return Self.error(400, error.message, type: "invalid_request_error")
        }
        let tag = Self.tag(request.headers[Self.tagHeader])
        var capturing = false
        if let capture {
            if chat.conversation == nil { status.skipCapture("uncapturable") } else { capturing = await capture.admits() }
        }
        let chosen = await route?.model(tag: tag)
        var candidates = [chosen ?? settings.primary]
        if let chosen, chosen.name != settings.primary.name { candidates.append(settings.primary) }

        status.update { $0.in_flight += 1 }
        for (index, model) in candidates.enumerated() {
            let last = index == candidates.count - 1
            let served = Served(handler: self, chat: chat, model: model, capturing: capturing, tag: tag)
            let response = model.provider == ProviderKind.openai
                ? await relayed(served, headers: request.headers, last: last)
                : await translated(served, last: last)
            if let response { return response }
        }
        status.update { $0.in_flight -= 1 }
        return Self.error(502, "no model could take the request", type: "upstream_error")  // unreachable: the last candidate always answers
    }

    /// One attempt at serving the request with `model`, and what happens after its answer.
    struct Served: Sendable {
        let handler: ChatHandler
        let chat: IncomingChat
        let model: ModelConfig
        let capturing: Bool
        let tag: String?

        /// Counts the request and hands a complete answer to the capture (and shadows) off the response's path.
        func finished(_ answer: Answer, clientGone: Bool) {
            let status = handler.status
            status.update { snapshot in
                snapshot.in_flight -= 1
                snapshot.requests += 1
                if chat.stream { snapshot.streamed += 1 }
                if clientGone {
                    snapshot.client_gone += 1
                } else if answer.error != nil || answer.finishReason == .truncated {
                    snapshot.upstream_errors += 1
                }
                if let error = answer.error { snapshot.last_error = "\(model.name): \(error.message)" }
                snapshot.served_by[model.name, default: 0] += 1
                snapshot.spend_today_usd += answer.metrics.costUSD ?? 0
            }
            guard capturing, !clientGone, let capture = handler.capture, let messages = chat.conversation,
                  model.name == handler.settings.primary.name else {
                if capturing, model.name != handler.settings.primary.name { status.skipCapture("routed") }
                return
            }
            let captured = CapturedChat(messages: messages, params: chat.params, tag: tag)
            let shadows = handler.shadows
            status.update { $0.capture_pending += 1 }
            Task {
                if let prompt = await capture.record(captured, answer: answer) {
                    await shadows?.offer(prompt, messages: messages)
                }
                status.update { $0.capture_pending -= 1 }
            }
        }
    }

    // MARK: OpenAI-compatible: relayed as is

    private func relayed(_ served: Served, headers: HTTPFields, last: Bool) async -> Response? {
        let started = ContinuousClock.now
        let outcome = await relay.open(path: "/chat/completions", method: .POST, body: served.chat.upstreamBody(model: served.model.model),
                                       model: served.model, clientHeaders: headers)
        switch outcome {
        case .unreachable(let error):
            guard last else { return nil }
            served.finished(Answer(seatIndex: 0, text: "", finishReason: .error, error: error), clientGone: false)
            return Self.error(error.status ?? 502, "\(served.model.name): \(error.message)", type: "upstream_\(error.kind.rawValue)")
        case .head(let code, let upstreamHeaders, let body):
            guard (200..<300).contains(code) || last else {
                _ = try? await body.collect(upTo: 1 << 20)
                return nil
            }
            let contentType = upstreamHeaders.first { $0.0.lowercased() == "content-type" }?.1.lowercased() ?? ""
            let streamed = contentType.contains("text/event-stream")
            let success = (200..<300).contains(code)
            let upstream = RelayedBody(body, tap: RelayTap(streamed: streamed, started: started, maxBytes: config.maxAnswerBytes))
            // A routed model is trusted with the app's answer only once it has sent a first token:
            // a stream that fails before that is the primary's to answer.
            if !last, success, await !upstream.readUntilFirstToken() {
                return nil
            }
            var fields = HTTPFields()
            for (name, value) in upstreamHeaders { if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) } }
            fields[Self.modelHeader] = served.model.name
            return Response(status: .init(code: code), headers: fields, body: ResponseBody { writer in
                var failure: ProviderError?
                var clientGone = false
                var errorBody: [UInt8] = []
                do {
                    for buffer in upstream.takeRead() {
                        do { try await writer.write(buffer) } catch { clientGone = true; break }
                    }
                    while !clientGone, let buffer = try await upstream.next() {
                        if success { upstream.tap.feed(buffer) } else if errorBody.count < 65536 { errorBody += buffer.readableBytesView }
                        do { try await writer.write(buffer) } catch { clientGone = true; break }
                    }
                } catch {
                    failure = ProviderError(.network, "the upstream stream was cut: \(TransportErrorMapper.map(error, url: served.model.baseURL).message)")
                    if streamed, let failure {
                        let line = "data: " + String(decoding: OpenAIChunkEncoder.json(OpenAIChunkEncoder.errorBody(failure)), as: UTF8.self) + "\n\n"
                        try? await writer.write(ByteBuffer(string: line))
                    }
                }
                if !success {
                    failure = OpenAIChatFormat().error(status: code, headers: upstreamHeaders, body: errorBody, keyVariable: nil)
                }
                upstream.tap.finish(failure: failure)
                served.finished(upstream.tap.answer(prompt: served.chat.conversation ?? [], price: served.model.price), clientGone: clientGone)
                try? await writer.finish(nil)
            })
        }
    }

    // MARK: Anthropic, Gemini, Ollama: translated to OpenAI chunks

    private func translated(_ served: Served, last: Bool) async -> Response? {
        guard let conversation = served.chat.conversation else {
            guard last else { return nil }
            served.finished(Answer(seatIndex: 0, text: "", finishReason: .error,
                                   error: ProviderError(.configuration, "not a text chat")), clientGone: false)
            return Self.error(400, "\(served.model.name) is a \(served.model.provider.rawValue) model: the gateway translates plain text chats "
                              + "for it, and this request \(served.chat.uncapturable ?? "is not one"); use an OpenAI-compatible primary",
                              type: "invalid_request_error")
        }
        let model = TrafficCapture.tuned(served.model, served.chat.params)
        let limits = StreamLimits(model: model, config: config)
        let (events, continuation) = AsyncStream<StreamEvent>.makeStream()
        let client = client
        let answering = Task {
            let answer = await client.answer(ChatRequest(model: model, messages: conversation), limits: limits) { continuation.yield($0) }
            continuation.finish()
            return answer
        }
        let source = EventSource(events.makeAsyncIterator())
        // Wait for the first thing that decides the status line: content, an end, or a failure.
        var opening: [StreamEvent] = []
        while let event = await source.next() {
            opening.append(event)
            if case .failed(let error) = event {
                let answer = await answering.value
                guard last else { return nil }
                served.finished(answer, clientGone: false)
                return Self.error(error.status ?? 502, "\(served.model.name): \(error.message)", type: "upstream_\(error.kind.rawValue)")
            }
            switch event {
            case .text, .reasoning, .finished: break
            default: continue
            }
            break
        }
        var fields = HTTPFields()
        fields[Self.modelHeader] = served.model.name
        guard served.chat.stream else {
            while await source.next() != nil {}
            let answer = await answering.value
            served.finished(answer, clientGone: false)
            fields[.contentType] = "application/json"
            return Response(status: .ok, headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(data: OpenAIChunkEncoder.completion(answer, model: served.model.model))))
        }
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-cache"
        let includeUsage = served.chat.includeUsage
        let openingEvents = opening
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            var encoder = OpenAIChunkEncoder(model: served.model.model, includeUsage: includeUsage)
            var clientGone = false
            func send(_ event: StreamEvent) async {
                let text = encoder.encode(event)
                guard !text.isEmpty, !clientGone else { return }
                do { try await writer.write(ByteBuffer(string: text)) } catch { clientGone = true; answering.cancel() }
            }
            for event in openingEvents { await send(event) }
            while let event = await source.next() { await send(event) }
            let answer = await answering.value
            served.finished(answer, clientGone: clientGone)
            try? await writer.finish(nil)
        })
    }

    // MARK: Helpers

    /// An app's tag as a prompt tag: letters, digits, `.`, `_` and `-`, lower-cased; nil when none is left.
    static func tag(_ header: String?) -> String? {
        guard let header else { return nil }
        let kept = header.lowercased().unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-"
        }
        let tag = String(String.UnicodeScalarView(kept))
        return tag.isEmpty ? nil : String(tag.prefix(64))
    }

    static func error(_ status: Int, _ message: String, type: String) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return Response(status: .init(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(data: OpenAIChunkEncoder.errorJSON(message: message, type: type))))
    }
}

/// An iterator handed from the handler to the response body's writer (one reader at a time).
final class EventSource: @unchecked Sendable {
    private var iterator: AsyncStream<StreamEvent>.Iterator
    init(_ iterator: AsyncStream<StreamEvent>.Iterator) { self.iterator = iterator }
    func next() async -> StreamEvent? { await iterator.next() }
}

/// An upstream body being relayed, with the decoded copy of what has passed: handed from the
/// handler (which may read ahead to the first token) to the response's writer, one reader at a time.
final class RelayedBody: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var readAhead: [ByteBuffer] = []
    var tap: RelayTap

    init(_ body: HTTPClientResponse.Body, tap: RelayTap) {
        iterator = body.makeAsyncIterator()
        self.tap = tap
    }

    func next() async throws -> ByteBuffer? { try await iterator.next() }

    /// Reads (and keeps, for the writer) until the first text, the end or a failure; true when
    /// text came, or the answer ended without failing.
    func readUntilFirstToken() async -> Bool {
        do {
            while let buffer = try await iterator.next() {
                tap.feed(buffer)
                readAhead.append(buffer)
                if tap.sawContent { return true }
                if tap.accumulator.error != nil { return false }
                if tap.accumulator.isComplete { return true }
            }
            guard !tap.streamed else { return false }  // a stream that ended before its terminal event: cut
            // A whole JSON answer: it decides once it is all here.
            let whole = readAhead.flatMap { Array($0.readableBytesView) }
            return !OpenAIChatFormat().decodeWhole(whole).contains { if case .failed = $0 { true } else { false } }
        } catch {
            return false
        }
    }

    /// What `readUntilFirstToken` read, once.
    func takeRead() -> [ByteBuffer] {
        defer { readAhead = [] }
        return readAhead
    }
}
