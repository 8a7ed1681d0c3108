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

    /// - Parameter loop: the app's connection's event loop (the upstream connection is taken on it).
    func handle(_ request: Request, loop: any EventLoop) async -> Response {
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
                ? await relayed(served, headers: request.headers, loop: loop, last: last)
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
