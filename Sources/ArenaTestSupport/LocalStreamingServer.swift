import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (a free port) that answers each request from a script:
/// streams with delays, errors, cut connections, stalls. Tests talk to it over real sockets,
/// exactly as arena talks to a model server.
///
/// ```swift
/// let server = try await LocalStreamingServer.start { request in
///     request.uri.hasSuffix("/chat/completions") ? .openAIChat(["Hel", "lo"]) : .json(404, "{}")
/// }
/// defer { Task { try await server.stop() } }
/// let base = server.baseURL.appendingPathComponent("v1")
/// ```
///
/// Trap: one handler serves every connection concurrently; keep it a pure function of the request
/// (use the request's path or model to pick a script).
public final class LocalStreamingServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    public typealias Handler = @Sendable (RecordedRequest) -> ScriptedResponse

    public let port: Int
    private let serverChannel: any Channel
    private let acceptTask: Task<Void, Never>
    private let recorder: RequestRecorder

    /// `http://127.0.0.1:PORT`
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { recorder.all }

    /// Returns once at least `count` requests have arrived (no polling: for tests on a manual clock).
    public func requests(atLeast count: Int) async { await recorder.wait(forCount: count) }

    private init(port: Int, serverChannel: any Channel, acceptTask: Task<Void, Never>, recorder: RequestRecorder) {
        self.port = port
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
        self.recorder = recorder
    }

    public static func start(handler: @escaping Handler) async throws -> LocalStreamingServer {
        let unserved = UnservedConnections()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    let connection = try Connection(wrappingChannelSynchronously: channel)
                    unserved.add(connection, for: channel)
                    return connection
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let recorder = RequestRecorder()
        // The accept loop is never cancelled: `stop()` closes the server channel, the loop then
        // takes every connection already accepted (each must reach `executeThenClose`, or NIO traps
        // in debug builds: "Deinited NIOAsyncWriter without calling finish()"), and only then are
        // the connections still open cut.
        let task = Task<Void, Never> {
            try? await server.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        unserved.remove(connection.channel)
                        group.addTask {
                            await Self.serve(connection, handler: handler, record: recorder.append)
                        }
                    }
                    group.cancelAll()
                }
            }
            // Connections accepted while the server closed never reach the loop above: they are
            // closed here, through `executeThenClose`, which finishes their writers.
            await unserved.closeAll()
        }
        return LocalStreamingServer(port: port, serverChannel: server.channel, acceptTask: task, recorder: recorder)
    }

    public func stop() async throws {
        try? await serverChannel.close()
        _ = await acceptTask.value
    }

    private static func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
                              handler: Handler, record: @Sendable (RecordedRequest) -> Void) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body = []
                case .body(let buffer):
                    body.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let requestHead = head else { continue }
                    let request = RecordedRequest(method: requestHead.method.rawValue, uri: requestHead.uri,
                                                  headers: requestHead.headers.map { ($0.name, $0.value) }, body: body)
                    record(request)
                    let keepOpen = try await write(handler(request), to: outbound)
                    if !keepOpen { return }
                }
            }
        }
    }

    /// Writes one scripted response; false when the connection must close afterwards.
    private static func write(_ response: ScriptedResponse,
                              to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws -> Bool {
        if response.headDelay > .zero { try await Task.sleep(for: response.headDelay) }
        var headers = HTTPHeaders(response.headers)
        if !headers.contains(name: "content-length") { headers.replaceOrAdd(name: "transfer-encoding", value: "chunked") }
        try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: response.status),
                                                        headers: headers)))
        for part in response.parts {
            switch part {
            case .bytes(let bytes):
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes))))
            case .pause(let duration):
                try await Task.sleep(for: duration)
            case .cut:
                return false
            case .stall:
                try await Task.sleep(for: .seconds(3600))
                return false
            case .waitUntil(let ready):
                while !ready() { try await Task.sleep(for: .milliseconds(10)) }
            case .run(let action):
                action()
            }
        }
        try await outbound.write(.end(nil))
        return true
    }
}

/// Requests received, shared between the accept loop and the server object.
private final class RequestRecorder: Sendable {
    private struct State {
        var requests: [RecordedRequest] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())
    var all: [RecordedRequest] { state.withLock { $0.requests } }

    func append(_ request: RecordedRequest) {
        let ready = state.withLock { state in
            state.requests.append(request)
            let count = state.requests.count
            defer { state.waiters.removeAll { $0.count <= count } }
            return state.waiters.filter { $0.count <= count }.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    func wait(forCount count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.requests.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}

/// Every accepted connection from its creation until the accept loop takes it. NIO traps in debug
/// builds ("Deinited NIOAsyncWriter without calling finish()") when a connection's wrapper is
/// dropped unserved — as happens to one accepted on another event loop while the server closes —
/// so this keeps each one alive, and closes those left when the loop ends (or that arrive later).
private final class UnservedConnections: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: LocalStreamingServer.Connection] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    func add(_ connection: LocalStreamingServer.Connection, for channel: any Channel) {
        let late = state.withLock { state -> Bool in
            if state.closed { return true }
            state.connections[ObjectIdentifier(channel)] = connection
            return false
        }
        if late { Task { try? await connection.executeThenClose { _, _ in } } }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func closeAll() async {
        let left = state.withLock { state -> [LocalStreamingServer.Connection] in
            state.closed = true
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for connection in left { try? await connection.executeThenClose { _, _ in } }
    }
}
