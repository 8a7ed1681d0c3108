import ArenaCore
import ArenaProviders
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// OpenAI-compatible upstreams: relayed as is.
extension ChatHandler {

    func relayed(_ served: Served, headers: HTTPFields, loop: any EventLoop, last: Bool) async -> Response? {
        let started = ContinuousClock.now
        let outcome = await relay.open(path: "/chat/completions", method: .POST, body: served.chat.upstreamBody(model: served.model.model),
                                       model: served.model, clientHeaders: headers, on: loop)
        switch outcome {
        case .unreachable(let error):
            guard last else { return nil }
            served.finished(Answer(seatIndex: 0, text: "", finishReason: .error, error: error), clientGone: false)
            return Self.error(error.status ?? 502, "\(served.model.name): \(error.message)", type: "upstream_\(error.kind.rawValue)")
        case .head(let code, let upstreamHeaders, let body):
            guard (200..<300).contains(code) || last else {
                _ = try? await body.collect(upTo: 1 << 20)  // read to its end, so the connection is kept
                return nil
            }
            let contentType = upstreamHeaders.first { $0.0.lowercased() == "content-type" }?.1.lowercased() ?? ""
            let streamed = contentType.contains("text/event-stream")
            let success = (200..<300).contains(code)
            let upstream = RelayedBody(body, tap: RelayTap(streamed: streamed, started: started, maxBytes: config.maxAnswerBytes))
            // A routed model is trusted with the app's answer only once it has sent a first token:
            // a stream that fails before that is the primary's to answer.
            if !last, success, await !upstream.readUntilFirstToken() {
                upstream.cancel()
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
                    let early = upstream.takeRead()
                    if !early.isEmpty {
                        do { try await writer.write(BatchedResponse.joined(early)) } catch { clientGone = true }
                    }
                    while !clientGone, let batch = try await upstream.next() {
                        let buffer = BatchedResponse.joined(batch)
                        if success { upstream.tap.feed(buffer) } else if errorBody.count < 65536 { errorBody += buffer.readableBytesView }
                        do { try await writer.write(buffer) } catch { clientGone = true }
                    }
                    if clientGone { upstream.cancel() }
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
}

/// An upstream body being relayed, with the decoded copy of what has passed: handed from the
/// handler (which may read ahead to the first token) to the response's writer, one reader at a time.
final class RelayedBody: @unchecked Sendable {
    private let stream: BatchedResponse
    private var readAhead: [ByteBuffer] = []
    var tap: RelayTap

    init(_ stream: BatchedResponse, tap: RelayTap) {
        self.stream = stream
        self.tap = tap
    }

    /// A body never written (the app went before its head) stops the upstream too; after the end it does nothing.
    deinit { stream.cancel() }

    /// The parts that came since the last call (see `BatchedResponse.nextBatch`).
    func next() async throws -> [ByteBuffer]? { try await stream.nextBatch() }

    func cancel() { stream.cancel() }

    /// Reads (and keeps, for the writer) until the first text, the end or a failure; true when
    /// text came, or the answer ended without failing.
    func readUntilFirstToken() async -> Bool {
        do {
            while let batch = try await stream.nextBatch() {
                let buffer = BatchedResponse.joined(batch)
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
