import ArenaTestSupport
import Foundation

/// `arena-bench serve`: the in-process loopback server as its own process, so a benchmark's CPU
/// figures hold only the client's work. Prints `listening PORT` and serves until killed.
///
/// The request's `model` (or, when that is no script, the first word of its last message) picks the script:
/// - `stream-N-R`: an OpenAI-compatible stream of N tokens (4 characters each) at R tokens/s
///   (R = 0: as fast as the socket takes them);
/// - `delay-MS`: the status line at once, then the first token after MS milliseconds, then 20 more.
enum BenchServer {
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            let server = try await LocalStreamingServer.start { request in script(for: request) }
            FileHandle.standardOutput.write(Data("listening \(server.port)\n".utf8))
            while true { try await Task.sleep(for: .seconds(3600)) }
        } catch {
            FileHandle.standardError.write(Data("arena-bench serve: \(error)\n".utf8))
            return 1
        }
    }

    static func script(for request: RecordedRequest) -> ScriptedResponse {
        // A gateway in front sends its own model id: then the script is the message's first word.
        var model = (request.json?["model"] as? String) ?? ""
        if !model.hasPrefix("stream-"), !model.hasPrefix("delay-"),
           let content = ((request.json?["messages"] as? [[String: Any]])?.last?["content"] as? String)?.split(separator: " ").first {
            model = String(content)
        }
        let parts = model.split(separator: "-")
        switch parts.first {
        case "stream" where parts.count == 3:
            let tokens = Int(parts[1]) ?? 1000, rate = Double(parts[2]) ?? 0
            return .openAIChat(ScreenBenchmark.sampleTokens(count: tokens),
                               delay: rate > 0 ? .seconds(1 / rate) : .zero)
        case "delay" where parts.count == 2:
            let milliseconds = Int(parts[1]) ?? 0
            var response = ScriptedResponse.openAIChat((0..<21).map { "t\($0) " })
            // Role chunk at once, then the pause, then the text.
            response.parts.insert(.pause(.milliseconds(milliseconds)), at: 1)
            return response
        default:
            return .json(404, #"{"error":{"message":"unknown bench model \#(model)"}}"#)
        }
    }

    /// Starts `arena-bench serve` as a child process and returns it with its port.
    static func spawn() throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["serve"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = firstLine(of: pipe).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("listening "), let port = Int(text.dropFirst(10)) else {
            process.terminate()
            throw BenchFailure("the bench server did not start: \(text)")
        }
        return (process, port)
    }
}

extension BenchServer {
    /// The first line a child process writes to `pipe` (read byte by byte: nothing past it is taken).
    static func firstLine(of pipe: Pipe) -> String {
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// A scratch home for an `arena` child: config and store inside it, nothing from the real user.
    static func arenaEnvironment(home: URL) -> [String: String] {
        ["ARENA_DISCOVERY": "off", "HOME": home.path, "NO_COLOR": "1",
         "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
         "XDG_DATA_HOME": home.appendingPathComponent("data").path,
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
