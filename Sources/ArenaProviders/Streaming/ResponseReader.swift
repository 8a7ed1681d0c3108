import ArenaCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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
        var request = HTTPClientRequest(url: spec.url.absoluteString)
        request.method = HTTPMethod(rawValue: spec.method)
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }

        let headDeadline = NIODeadline.now() + .milliseconds(Int64((limits.firstTokenSeconds + 1) * 1000))
        let response = try await client.execute(request, deadline: headDeadline)
        let status = Int(response.status.code)
        let headers = response.headers.map { ($0.name, $0.value) }

        guard (200..<300).contains(status) else {
            let body = try await collect(response.body, cap: Self.errorBodyCap)
            retryAfter(RetryAdvice.delay(headers: headers, body: body, now: Date()))
            throw ProviderErrorBox(format.error(status: status, headers: headers, body: body, keyVariable: keyVariable))
        }

        let contentType = response.headers.first(name: "content-type")?.lowercased() ?? ""
        if contentType.contains("application/json") {
            let body = try await collect(response.body, cap: limits.maxAnswerBytes)
            let events = body.isEmpty
                ? [.failed(ProviderError(.emptyResponse, "the server answered HTTP \(status) with an empty body", status: status))]
                : format.decodeWhole(body)
            for event in events { forward(event, emit: emit) }
            return
        }

        var decoder = format.makeDecoder()
        var received = 0
        for try await buffer in response.body {
            watch.bytesArrived()
            received += buffer.readableBytes
            if received > limits.maxAnswerBytes {
                let fits = buffer.readableBytes - (received - limits.maxAnswerBytes)
                for event in decoder.feed(buffer.readableBytesView.prefix(max(fits, 0))) where !event.isTerminal {
                    forward(event, emit: emit)
                }
                emit(.finished(.truncated))
                return
            }
            for event in decoder.feed(buffer.readableBytesView) {
                forward(event, emit: emit)
                if event.isTerminal { return }
            }
        }
        for event in decoder.finish() { forward(event, emit: emit) }
    }

    private func forward(_ event: StreamEvent, emit: @Sendable (StreamEvent) -> Void) {
        switch event {
        case .text(let piece) where !piece.isEmpty: watch.contentArrived()
        case .reasoning(let piece) where !piece.isEmpty: watch.contentArrived()
        default: break
        }
        emit(event)
    }

    private func collect(_ body: HTTPClientResponse.Body, cap: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            watch.bytesArrived()
            bytes.append(contentsOf: buffer.readableBytesView.prefix(cap - bytes.count))
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
