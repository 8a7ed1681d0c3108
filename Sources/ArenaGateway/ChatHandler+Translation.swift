import ArenaCore
import ArenaProviders
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Anthropic, Gemini and Ollama upstreams: translated to OpenAI chunks.
extension ChatHandler {

    func translated(_ served: Served, last: Bool) async -> Response? {
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
}

/// An iterator handed from the handler to the response body's writer (one reader at a time).
final class EventSource: @unchecked Sendable {
    private var iterator: AsyncStream<StreamEvent>.Iterator
    init(_ iterator: AsyncStream<StreamEvent>.Iterator) { self.iterator = iterator }
    func next() async -> StreamEvent? { await iterator.next() }
}

