import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one request and turns its response into events: the body of one attempt.
struct ResponseReader: Sendable {
    let client: HTTPClient
    let spec: HTTPRequestSpec
    let format: any WireFormat
    let limits: StreamLimits
    let keyVariable: String?
    let watch: AttemptWatch

    /// Bytes of an error body worth reading.
    static let errorBodyCap = 64 * 1024

    func read(emit: @Sendable (StreamEvent) -> Void, retryAfter: @Sendable (Double?) -> Void) async throws {
        let request = try HTTPClient.Request(url: spec.url.absoluteString, method: HTTPMethod(rawValue: spec.method),
                                             headers: HTTPHeaders(spec.headers), body: spec.body.map { .byteBuffer(ByteBuffer(bytes: $0)) })
        // Read on the event loop this task runs on (NIO's, for `arena ask` and the gateway), so a
        // body part wakes this task without crossing threads, and the parts of one socket read
        // come as one batch.
        // The first-token and idle timeouts are `watch`'s; the head's deadline is only a backstop.
        let response = BatchedResponse.execute(request, on: client, loop: MultiThreadedEventLoopGroup.currentEventLoop,
                                               headDeadline: .milliseconds(Int64((limits.firstTokenSeconds + 1) * 1000)), idle: nil)
        try await withTaskCancellationHandler {
            try await read(response, emit: emit, retryAfter: retryAfter)
        } onCancel: {
            response.cancel()
        }
    }

    private func read(_ response: BatchedResponse, emit: @Sendable (StreamEvent) -> Void,
                      retryAfter: @Sendable (Double?) -> Void) async throws {
        let head = try await response.head()
        let status = head.status
        let headers = head.headers

        guard (200..<300).contains(status) else {
            let body = try await collect(response, cap: Self.errorBodyCap)
            retryAfter(RetryAdvice.delay(headers: headers, body: body, now: Date()))
            throw ProviderErrorBox(format.error(status: status, headers: headers, body: body, keyVariable: keyVariable))
        }

        let contentType = headers.first { $0.0.lowercased() == "content-type" }?.1.lowercased() ?? ""
        if contentType.contains("application/json") {
            let body = try await collect(response, cap: limits.maxAnswerBytes)
            let events = body.isEmpty
                ? [.failed(ProviderError(.emptyResponse, "the server answered HTTP \(status) with an empty body", status: status))]
                : format.decodeWhole(body)
            for event in events { forward(event, emit: emit) }
            return
        }

        // The cap is on the answer (text and reasoning), not on the wire: a provider's SSE framing
        // can be 20–50 times the text. The wire has its own, much larger cap for streams that
        // carry no text at all.
        var decoder = format.makeDecoder()
        var received = 0
        var answerBytes = 0
        let wireCap = Self.wireCap(answerCap: limits.maxAnswerBytes)
        defer { response.cancel() }  // a stream left early (cap, terminal event) is not read on
        while let batch = try await response.nextBatch() {
            watch.bytesArrived()
            let buffer = BatchedResponse.joined(batch)
            received += buffer.readableBytes
            for event in decoder.feed(buffer.readableBytesView) {
                if let kept = Self.fitting(event, used: &answerBytes, cap: limits.maxAnswerBytes) {
                    forward(kept, emit: emit)
                    if kept != event { emit(.finished(.truncated)); return }
                } else {
                    emit(.finished(.truncated))
                    return
                }
                if event.isTerminal { return }
            }
            if received > wireCap {
                emit(.finished(.truncated))
                return
            }
        }
        for event in decoder.finish() { forward(event, emit: emit) }
    }

    /// Wire bytes read at most for an answer cap (64× the cap, at least 64 MB).
    static func wireCap(answerCap: Int) -> Int { max(64 << 20, answerCap.multipliedReportingOverflow(by: 64).partialValue) }

    /// `event` as far as it fits under `cap` answer bytes (counting text and reasoning), or nil
    /// when nothing of it fits. A cut piece ends on a character boundary.
    static func fitting(_ event: StreamEvent, used: inout Int, cap: Int) -> StreamEvent? {
        func cut(_ piece: String) -> String? {
            let size = piece.utf8.count
            if used + size <= cap { used += size; return piece }
            let room = cap - used
            guard room > 0 else { return nil }
            var end = piece.utf8.index(piece.utf8.startIndex, offsetBy: room)
            while end > piece.startIndex, end.samePosition(in: piece.unicodeScalars) == nil {
                end = piece.utf8.index(before: end)
            }
            used = cap
            let kept = String(piece[..<end])
            return kept.isEmpty ? nil : kept
        }
        switch event {
        case .text(let piece): return cut(piece).map { .text($0) }
        case .reasoning(let piece): return cut(piece).map { .reasoning($0) }
        default: return event
        }
    }

    private func forward(_ event: StreamEvent, emit: @Sendable (StreamEvent) -> Void) {
        switch event {
        case .text(let piece) where !piece.isEmpty: watch.contentArrived()
        case .reasoning(let piece) where !piece.isEmpty: watch.contentArrived()
        default: break
        }
        emit(event)
    }

    private func collect(_ response: BatchedResponse, cap: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let batch = try await response.nextBatch() {
            watch.bytesArrived()
            for buffer in batch where bytes.count < cap {
                bytes.append(contentsOf: buffer.readableBytesView.prefix(cap - bytes.count))
            }
            if bytes.count >= cap { break }
        }
        return bytes
    }
}

extension StreamEvent {
    /// `.finished` and `.failed` end a stream.
    public var isTerminal: Bool {
        switch self {
        case .finished, .failed: return true
        default: return false
        }
    }
}
