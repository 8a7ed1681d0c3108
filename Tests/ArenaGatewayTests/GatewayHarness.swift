import ArenaCore
import ArenaGateway
import ArenaProviders
import ArenaStore
import ArenaTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PGClient
import PGTestSupport

/// A real gateway on 127.0.0.1 in front of a scripted upstream, with a throwaway store and suite
/// folder, and a real HTTP client playing the app.
///
/// ```swift
/// let gateway = try await GatewayHarness.start(upstream: { _ in .openAIChat(["Hi"]) })
/// let reply = try await gateway.post(["stream": true, "messages": [["role": "user", "content": "hi"]]])
/// await gateway.stop()
/// ```
final class GatewayHarness: Sendable {
    let upstream: LocalStreamingServer
    let store: BattleStore
    let status: GatewayStatus
    let capture: TrafficCapture?
    let shadows: ShadowPool?
    let directory: URL
    let port: Int
    let app: HTTPClient
    private let server: Task<Void, any Error>
    let modelClient: ModelClient

    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    }

    struct Options: Sendable {
        var provider: ProviderKind = .openai
        var capture = true
        var captureRate = 1.0
        var dailyCap = 1000
        var shadows: [String] = []
        var shadowRate = 1.0
        var shadowConcurrency = 2
        var shadowQueue = 64
        var budget: Double?
        var token: String?
        var redact: [String] = []
        var primaryPrice: Price? = Price(input: 1, output: 2)
        var route: (any GatewayRoute)?
        var apiKeyEnv: String?
        var environment: [String: String] = [:]
        var forwardClientKey = false
        /// Where the primary is, when not the scripted upstream (a closed port).
        var primaryBase: URL?
        /// More configured models (for routes).
        var extraModels: [String] = []
        /// The store (a team's PostgreSQL URL); a new SQLite file when nil.
        var storeLocation: String?
        /// The primary's own timeouts.
        var primaryTimeouts = Timeouts()
    }

    static func model(_ name: String, provider: ProviderKind = .openai, base: URL, price: Price? = nil, keyEnv: String? = nil) -> ModelConfig {
        let path = provider == .openai ? "/v1" : ""
        return ModelConfig(name: name, provider: provider, baseURL: URL(string: base.absoluteString + path)!, model: "\(name)-id",
                           apiKeyEnv: keyEnv, price: price)
    }

    static func start(_ options: Options = Options(),
                      upstream handler: @escaping LocalStreamingServer.Handler) async throws -> GatewayHarness {
        let upstream = try await LocalStreamingServer.start(handler: handler)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arena-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try BattleStore(location: options.storeLocation ?? directory.appendingPathComponent("arena.sqlite").path)
        var primary = model("primary", provider: options.provider, base: options.primaryBase ?? upstream.baseURL,
                            price: options.primaryPrice, keyEnv: options.apiKeyEnv)
        primary.timeouts = options.primaryTimeouts
        let shadowModels = options.shadows.map { model($0, base: upstream.baseURL, price: Price(input: 1, output: 1)) }
        let extra = options.extraModels.map { model($0, base: upstream.baseURL, price: Price(input: 0.1, output: 0.1)) }
        let config = ArenaConfig(models: [primary] + shadowModels + extra)
        let status = GatewayStatus(primary: primary.name, redactor: try Redactor(extra: options.redact))
        let client = ModelClient(environment: options.environment)
        var capture: TrafficCapture?
        var shadows: ShadowPool?
        if options.capture {
            let settings = TrafficCapture.Settings(suite: "traffic", path: directory.appendingPathComponent("prompts/traffic.yaml").path,
                                                   rate: options.captureRate, dailyCap: options.dailyCap,
                                                   redactor: try Redactor(extra: options.redact))
            let made = try TrafficCapture(settings: settings, primary: primary, store: store, status: status, random: RandomSource(seed: 7))
            capture = made
            if !shadowModels.isEmpty {
                shadows = ShadowPool(settings: .init(models: shadowModels, rate: options.shadowRate, concurrency: options.shadowConcurrency,
                                                     queueLimit: options.shadowQueue, budgetUSDPerDay: options.budget),
                                     client: client, config: config, capture: made, status: status, random: RandomSource(seed: 8))
            }
        }
        let settings = GatewaySettings(host: "127.0.0.1", port: 0, primary: primary, clientToken: options.token,
                                       forwardClientKey: options.forwardClientKey)
        let gateway = GatewayServer(settings: settings, config: config, status: status, capture: capture, shadows: shadows,
                                    route: options.route, client: client, environment: options.environment)
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        let server = Task { try await gateway.run(signals: false) { port in readyContinuation.yield(port) } }
        var iterator = ready.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return GatewayHarness(upstream: upstream, store: store, status: status, capture: capture, shadows: shadows,
                              directory: directory, port: port, server: server, client: client)
    }

    private init(upstream: LocalStreamingServer, store: BattleStore, status: GatewayStatus, capture: TrafficCapture?, shadows: ShadowPool?,
                 directory: URL, port: Int, server: Task<Void, any Error>, client: ModelClient) {
        self.upstream = upstream
        self.store = store
        self.status = status
        self.capture = capture
        self.shadows = shadows
        self.directory = directory
        self.port = port
        self.server = server
        self.modelClient = client
        app = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    var suitePath: String { directory.appendingPathComponent("prompts/traffic.yaml").path }

    func post(_ body: [String: Any], path: String = "/v1/chat/completions", headers: [(String, String)] = []) async throws -> Reply {
        try await send(method: .POST, path: path, body: Array(try JSONSerialization.data(withJSONObject: body)), headers: headers)
    }

    func send(method: HTTPMethod, path: String, body: [UInt8]? = nil, headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await app.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                     body: Array(bytes.readableBytesView))
    }

    /// Waits until the capture has written what it was handed and the shadows have answered.
    func settle() async {
        await status.wait { $0.capture_pending == 0 }
        await shadows?.drain()
    }

    func stop() async {
        server.cancel()
        _ = try? await server.value
        try? await app.shutdown()
        try? await modelClient.shutdown()
        try? await upstream.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    static func chat(_ text: String, stream: Bool = true, system: String? = nil, extra: [String: Any] = [:]) -> [String: Any] {
        var messages: [[String: Any]] = []
        if let system { messages.append(["role": "system", "content": system]) }
        messages.append(["role": "user", "content": text])
        var body: [String: Any] = ["model": "gpt-4o-mini", "stream": stream, "messages": messages]
        for (key, value) in extra { body[key] = value }
        return body
    }
}

extension GatewayHarness {
    /// A URL whose connections see only a new, empty schema of this process's PostgreSQL cluster.
    static func freshPostgresSchema() throws -> String {
        let cluster = try PostgresTestCluster.shared()
        let schema = "g_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(url: cluster.urlWithPassword)
        defer { admin.close() }
        _ = try admin.execute("CREATE SCHEMA \(schema)")
        return cluster.urlWithPassword + "?options=-csearch_path%3D\(schema)"
    }
}

/// The captured transcripts of the decoder tests, read in place.
enum Transcripts {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ArenaProvidersTests/Fixtures/transcripts")

    static func body(_ id: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent("\(id).body"))) }

    static func contentType(_ id: String) throws -> String {
        let head = String(decoding: try Data(contentsOf: root.appendingPathComponent("\(id).headers")), as: UTF8.self)
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-type:") {
            return line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
        }
        return "application/json"
    }

    static func status(_ id: String) throws -> Int {
        let head = String(decoding: try Data(contentsOf: root.appendingPathComponent("\(id).headers")), as: UTF8.self)
        return Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
