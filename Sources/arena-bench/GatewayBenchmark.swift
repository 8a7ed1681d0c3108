import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `arena-bench gateway`: what `arena gateway` adds in front of a fast local SSE server (issue
/// #17) — time to first byte, full-stream throughput with many clients at once, and the gateway
/// process's CPU per relayed token. The bench server and the gateway are their own processes;
/// this process is the clients, and asks the same server directly for the baseline.
///
/// ```sh
/// .build/release/arena-bench gateway --arena .build/release/arena --clients 32 --tokens 2000 --requests 300
/// ```
///
/// Added TTFB is the median of paired differences: each round asks directly and through the
/// gateway back to back (in alternating order), so drift in the machine's speed cancels out.
enum GatewayBenchmark {
    static let usage = """
    [--arena PATH (default: beside arena-bench)] [--requests 300] [--clients 32] [--tokens 2000] [--rounds 3]
    [--paced-rate 100 (tokens/s per stream for the paced round; 0: none)] [--capture]

    """

    struct Options {
        var arena = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arena").path
        var requests = 300
        var clients = 32
        var tokens = 2000
        var rounds = 3
        var capture = false
        var pacedRate = 100
    }

    static func run(_ arguments: [String]) async -> Int32 {
        var options = Options()
        guard BenchArguments.parse(arguments, usage: usage, { name, value in
            switch name {
            case "--arena": options.arena = value
            case "--requests": options.requests = Int(value) ?? options.requests
            case "--clients": options.clients = Int(value) ?? options.clients
            case "--tokens": options.tokens = Int(value) ?? options.tokens
            case "--rounds": options.rounds = Int(value) ?? options.rounds
            case "--capture": options.capture = true; return .flag
            case "--paced-rate": options.pacedRate = Int(value) ?? options.pacedRate
            default: return .unknown
            }
            return .value
        }) else { return 2 }
        do {
            try await measure(options)
            return 0
        } catch {
            FileHandle.standardError.write(Data("arena-bench gateway: \(error)\n".utf8))
            return 1
        }
    }

    static func measure(_ options: Options) async throws {
        let (server, serverPort) = try BenchServer.spawn()
        defer { server.terminate() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("arena-bench-gateway-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let configDir = home.appendingPathComponent("config/arena")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        try "models:\n  - { name: bench, base_url: \"http://127.0.0.1:\(serverPort)/v1\", model: bench }\n"
            .write(to: configDir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        var gatewayArguments = ["gateway", "--port", "0", "--primary", "bench"]
        if options.capture { gatewayArguments += ["--capture", "bench-traffic", "--capture-per-day", "100000000"] }
        let (gateway, gatewayPort) = try spawnGateway(options.arena, home: home, arguments: gatewayArguments)
        defer { gateway.terminate() }

        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(options.clients, 8))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await measure(options, client: client, serverPort: serverPort, gateway: gateway, gatewayPort: gatewayPort)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func measure(_ options: Options, client: HTTPClient, serverPort: Int, gateway: Process, gatewayPort: Int) async throws {
        let direct = "http://127.0.0.1:\(serverPort)/v1/chat/completions"
        let through = "http://127.0.0.1:\(gatewayPort)/v1/chat/completions"
        print("arena gateway\(options.capture ? " (capturing)" : "") in front of the bench SSE server; \(ProcessInfo.processInfo.activeProcessorCount) cores")

        // Warm both paths (connections, code pages).
        for _ in 0..<20 {
            _ = try await stream(client, url: direct, model: "stream-20-0", unique: options.capture)
            _ = try await stream(client, url: through, model: "stream-20-0", unique: options.capture)
        }

        // 1. Time to first byte, one request at a time, paired.
        var differences: [Double] = [], directTTFB: [Double] = [], gatewayTTFB: [Double] = []
        for request in 0..<options.requests {
            let order = request % 2 == 0 ? [direct, through] : [through, direct]
            var pair: [String: Double] = [:]
            for url in order { pair[url] = try await stream(client, url: url, model: "stream-20-0", unique: options.capture).ttfb }
            directTTFB.append(pair[direct]!)
            gatewayTTFB.append(pair[through]!)
            differences.append(pair[through]! - pair[direct]!)
        }
        print(String(format: "time to first byte, %d requests: direct median %.3f ms, through the gateway %.3f ms; added: median %.3f ms, p90 %.3f ms",
                     options.requests, median(directTTFB) * 1000, median(gatewayTTFB) * 1000,
                     median(differences) * 1000, percentile(differences, 0.9) * 1000))

        // 2. Throughput with many clients at once, and the gateway's CPU per relayed token.
        let model = "stream-\(options.tokens)-0"
        // Alternated (gateway first in even rounds), since this machine's speed drifts within a run.
        var ratios: [Double] = [], cpuPerToken: [Double] = []
        for round in 1...options.rounds {
            var directRate = 0.0, gatewayRate = 0.0, cpu = 0.0
            for leg in round % 2 == 0 ? [through, direct] : [direct, through] {
                if leg == direct {
                    directRate = try await throughput(client, url: direct, model: model, clients: options.clients, unique: options.capture)
                } else {
                    let cpuBefore = processCPU(gateway.processIdentifier)
                    gatewayRate = try await throughput(client, url: through, model: model, clients: options.clients, unique: options.capture)
                    cpu = processCPU(gateway.processIdentifier) - cpuBefore
                }
            }
            let relayed = Double(options.clients * options.tokens)
            ratios.append(gatewayRate / directRate)
            cpuPerToken.append(cpu / relayed * 1e6)
            print(String(format: "round %d, %d clients × %d tokens: direct %.0f tokens/s, gateway %.0f tokens/s (%.1f%%); gateway CPU %.2f µs per relayed token",
                         round, options.clients, options.tokens, directRate, gatewayRate, gatewayRate / directRate * 100, cpu / relayed * 1e6))
        }
        print(String(format: "flat out, median of %d rounds: gateway / direct %.1f%% (range %.1f–%.1f%%); gateway CPU %.2f µs per relayed token",
                     options.rounds, median(ratios) * 100, (ratios.min() ?? 0) * 100, (ratios.max() ?? 0) * 100, median(cpuPerToken)))
        // 3. At a model's pace: every stream at --paced-rate tokens/s, as real answers stream.
        if options.pacedRate > 0 {
            let paced = "stream-\(max(options.pacedRate * 2, 20))-\(options.pacedRate)"
            let directRate = try await throughput(client, url: direct, model: paced, clients: options.clients, unique: options.capture)
            let cpuBefore = processCPU(gateway.processIdentifier)
            let gatewayRate = try await throughput(client, url: through, model: paced, clients: options.clients, unique: options.capture)
            let cpu = processCPU(gateway.processIdentifier) - cpuBefore
            print(String(format: "paced, %d clients × %d tokens/s for 2 s: direct %.0f tokens/s, gateway %.0f tokens/s (%.1f%%); gateway CPU %.2f µs per relayed token",
                         options.clients, options.pacedRate, directRate, gatewayRate, gatewayRate / directRate * 100,
                         cpu / Double(options.clients * max(options.pacedRate * 2, 20)) * 1e6))
        }
        print("gateway peak RSS: \(peakRSS(gateway.processIdentifier)) (all \(options.requests * 2 + 40 + options.rounds * options.clients) requests)")
    }

    /// The process's peak resident set (`VmHWM`), as Linux reports it.
    static func peakRSS(_ pid: Int32) -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "unknown" }
        return String(format: "%.1f MiB", kilobytes / 1024)
    }

    /// One streamed request read to its end: seconds to the first body byte, and the tokens it held.
    static func stream(_ client: HTTPClient, url: String, model: String, unique: Bool) async throws -> (ttfb: Double, bytes: Int) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        let text = unique ? "\(model) \(UUID().uuidString)" : model
        request.body = .bytes(ByteBuffer(string: #"{"model":"\#(model)","stream":true,"messages":[{"role":"user","content":"\#(text)"}]}"#))
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(60))
        guard response.status == .ok else { throw BenchFailure("\(url) answered \(response.status.code)") }
        var first: Duration?
        var bytes = 0
        for try await buffer in response.body {
            if first == nil { first = ContinuousClock.now - start }
            bytes += buffer.readableBytes
        }
        let seconds = first.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0
        return (seconds, bytes)
    }

    /// Tokens per second over `clients` streams of `model` at once.
    static func throughput(_ client: HTTPClient, url: String, model: String, clients: Int, unique: Bool) async throws -> Double {
        let tokens = Double(Int(model.split(separator: "-")[1]) ?? 0) * Double(clients)
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients { group.addTask { _ = try await stream(client, url: url, model: model, unique: unique) } }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        return tokens / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func spawnGateway(_ path: String, home: URL, arguments: [String]) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = BenchServer.arenaEnvironment(home: home)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = BenchServer.firstLine(of: pipe)
        guard let range = text.range(of: "listening on http://127.0.0.1:"),
              let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw BenchFailure("the gateway did not start: \(text)")
        }
        return (process, port)
    }

    /// User + system CPU seconds of a running process (Linux `/proc`).
    static func processCPU(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * share))]
    }
}
