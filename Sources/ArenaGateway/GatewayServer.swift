import ArenaCore
import ArenaProviders
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `arena gateway`'s HTTP server: an OpenAI-compatible API in front of the primary.
///
/// ```swift
/// let server = GatewayServer(settings: settings, config: config, status: status, capture: capture, shadows: pool)
/// try await server.run(signals: true) { port in print("listening on \(port)") }   // until SIGTERM / Ctrl-C
/// ```
///
/// Routes: `POST /v1/chat/completions`, `GET /v1/models`, `GET /arena/status`. With a client token
/// every route needs it. On SIGTERM or Ctrl-C the server stops accepting and lets in-flight
/// streams finish for up to `drainSeconds`.
///
/// Traps: cancel the task running `run(signals: false)` to stop it (tests); `run` shuts its HTTP
/// client down itself, never before the last relayed stream has ended.
public struct GatewayServer: Sendable {
    let settings: GatewaySettings
    let config: ArenaConfig
    let status: GatewayStatus
    let capture: TrafficCapture?
    let shadows: ShadowPool?
    let route: (any GatewayRoute)?
    let client: ModelClient
    let environment: [String: String]

    public init(settings: GatewaySettings, config: ArenaConfig, status: GatewayStatus, capture: TrafficCapture? = nil,
                shadows: ShadowPool? = nil, route: (any GatewayRoute)? = nil, client: ModelClient = ModelClient(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        self.config = config
        self.status = status
        self.capture = capture
        self.shadows = shadows
        self.route = route
        self.client = client
        self.environment = environment
    }

    /// - Parameters:
    ///   - signals: stop gracefully on SIGTERM and SIGINT (the command); false: stop when the task is cancelled (tests).
    ///   - onReady: called with the bound port once the server listens.
    ///   - onStopping: called when a signal has asked it to stop, before in-flight streams are drained.
    public func run(signals: Bool, onReady: @escaping @Sendable (Int) async -> Void = { _ in },
                    onStopping: @escaping @Sendable () -> Void = {}) async throws {
        var httpConfiguration = HTTPClient.Configuration()
        // No read timeout here: each relayed stream keeps its own model's idle and first-token
        // limits (`BatchedResponse`), which costs less than AHC's timer moved on every read.
        httpConfiguration.timeout = .init(connect: .seconds(10), read: nil)
        httpConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpConfiguration.decompression = .disabled
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let relay = UpstreamRelay(client: http, environment: environment, config: config, forwardClientKey: settings.forwardClientKey)
        let chat = ChatHandler(settings: settings, config: config, relay: relay, client: client, status: status,
                               capture: capture, shadows: shadows, route: route)

        let router = Router(context: GatewayRequestContext.self)
        if let token = settings.clientToken { router.add(middleware: TokenCheck(token: token, status: status)) }
        router.post("/v1/chat/completions") { request, context in await chat.handle(request, loop: context.eventLoop) }
        router.post("/chat/completions") { request, context in await chat.handle(request, loop: context.eventLoop) }
        router.get("/v1/models") { request, context in await models(relay: relay, headers: request.headers, loop: context.eventLoop) }
        router.get("/arena/status") { _, _ in
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            if let route { status.setRoutes(await route.describe()) }
            return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(data: status.json())))
        }

        var logger = Logger(label: "arena-gateway")
        logger.logLevel = .critical
        let app = Application(router: router,
                              configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                              onServerRunning: { channel in await onReady(channel.localAddress?.port ?? settings.port) },
                              logger: logger)
        do {
            if signals {
                var group = ServiceGroupConfiguration(services: [.init(service: app), .init(service: StopNotice(onStopping: onStopping))],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
                group.maximumGracefulShutdownDuration = .milliseconds(Int64(settings.drainSeconds * 1000))
                try await ServiceGroup(configuration: group).run()
            } else {
                try await app.run()
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try? await http.shutdown()
    }

    /// The primary's own list for an OpenAI-compatible one; otherwise the one model it serves.
    private func models(relay: UpstreamRelay, headers: HTTPFields, loop: any EventLoop) async -> Response {
        let primary = settings.primary
        if primary.provider == ProviderKind.openai {
            switch await relay.open(path: "/models", method: .GET, body: nil, model: primary, clientHeaders: headers, on: loop) {
            case .head(let code, let upstreamHeaders, let body):
                let bytes = (try? await body.collect(upTo: 4 << 20)) ?? ByteBuffer()
                var fields = HTTPFields()
                for (name, value) in upstreamHeaders { if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) } }
                return Response(status: .init(code: code), headers: fields, body: ResponseBody(byteBuffer: bytes))
            case .unreachable(let error):
                return ChatHandler.error(error.status ?? 502, "\(primary.name): \(error.message)", type: "upstream_\(error.kind.rawValue)")
            }
        }
        struct Listed: Encodable { var id: String; var object = "model"; var created = 0; var owned_by = "arena" }
        struct List: Encodable { var object = "list"; var data: [Listed] }
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return Response(status: .ok, headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(data: OpenAIChunkEncoder.json(List(data: [Listed(id: primary.model)])))))
    }
}

/// Hummingbird's basic context plus the event loop of the app's connection.
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let eventLoop: any EventLoop

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        eventLoop = source.channel.eventLoop
    }
}

/// Refuses requests without the client token (`Authorization: Bearer …` or `x-arena-token`).
struct TokenCheck<Context: RequestContext>: RouterMiddleware {
    let token: String
    let status: GatewayStatus
    static var tokenHeader: HTTPField.Name { HTTPField.Name("x-arena-token")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let given = request.headers[Self.tokenHeader] ?? bearer ?? ""
        guard ConstantTime.equal(given, token) else {
            status.update { $0.rejected += 1 }
            return ChatHandler.error(401, "this gateway needs its client token (Authorization: Bearer TOKEN, or x-arena-token)",
                                     type: "authentication_error")
        }
        return try await next(request, context)
    }
}

/// Tells whoever started the gateway that a signal asked it to stop (the server drains meanwhile).
struct StopNotice: Service {
    let onStopping: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        onStopping()
    }
}
