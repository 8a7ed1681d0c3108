import ArenaTestSupport
import Foundation
import Testing

/// Keys reach the server and nowhere else: not the store, exports, output or errors.
@Suite("Secrets", .timeLimit(.minutes(1)))
struct SecretsTests {
    static let fileKey = "sk-file-KEY-0123456789abcdef"
    static let literalKey = "sk-literal-KEY-0123456789abcdef"
    static let envKey = "sk-env-KEY-0123456789abcdef"

    static func config(_ server: LocalStreamingServer, keyFile: String) -> String {
        """
        models:
          - name: from-file
            base_url: \(server.baseURL.absoluteString)/file/v1
            model: f
            api_key_file: \(keyFile)
          - name: from-config
            base_url: \(server.baseURL.absoluteString)/literal/v1
            model: l
            api_key: \(literalKey)
          - name: from-env
            base_url: \(server.baseURL.absoluteString)/env/v1
            model: e
            api_key_env: ARENA_TEST_SECRET
        """
    }

    static func server() async throws -> LocalStreamingServer {
        try await LocalStreamingServer.start { request in
            // Echo nothing of the key; a 401 message that quotes it must be masked by arena.
            if request.header("authorization") == nil { return .json(401, #"{"error":{"message":"missing key"}}"#) }
            if request.uri.hasPrefix("/env") {
                return .json(401, #"{"error":{"message":"Incorrect API key provided: \#(envKey)","code":"invalid_api_key"}}"#)
            }
            return .openAIChat(["Hello."])
        }
    }

    @Test func keysFromFileConfigAndEnvironmentNeverLeak() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_SECRET": Self.envKey])
        let keyFile = arena.home.appendingPathComponent("key.txt").path
        try (Self.fileKey + "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        try arena.writeConfig(Self.config(server, keyFile: keyFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: arena.configPath)

        let ask = try await arena.run(["ask", "--json", "--vote", "tie", "Say hello"])
        #expect(ask.status == 0, "\(ask.stderr)")
        let headers = Set(server.requests.compactMap { $0.header("authorization") })
        #expect(headers == ["Bearer \(Self.fileKey)", "Bearer \(Self.literalKey)", "Bearer \(Self.envKey)"])
        #expect(ask.stdout.contains("ARENA_TEST_SECRET"))  // the 401 names the variable…
        let csv = try await arena.run(["export", "--format", "csv"])
        let jsonl = try await arena.run(["export"])
        let models = try await arena.run(["models"])
        let check = try await arena.run(["config", "check"])
        let store = ["", "-wal", "-shm"].map { (try? Data(contentsOf: URL(fileURLWithPath: arena.storePath + $0))) ?? Data() }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        for text in [ask.stdout, ask.stderr, csv.stdout, jsonl.stdout, models.stdout, models.stderr, check.stdout, store] {
            for key in [Self.fileKey, Self.literalKey, Self.envKey] {
                #expect(!text.contains(key), "a key leaked")  // …never its value
            }
        }
        try await server.stop()
    }

    @Test func looseKeyFileIsRefusedWithAdvice() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_SECRET": Self.envKey])
        let keyFile = arena.home.appendingPathComponent("key.txt").path
        try Self.fileKey.write(toFile: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        try arena.writeConfig(Self.config(server, keyFile: keyFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: arena.configPath)
        let ask = try await arena.run(["ask", "--json", "--models", "from-file,from-config", "--vote", "skip", "Q"])
        #expect(ask.stdout.contains("is readable by others (mode 0644): run chmod 600"))
        #expect(!server.requests.contains { $0.uri.hasPrefix("/file") })
        try await server.stop()
    }

    @Test func aKeyInAConfigOthersCanReadIsRefused() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess()
        try arena.writeConfig(Self.config(server, keyFile: "/nonexistent"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: arena.configPath)
        let check = try await arena.run(["config", "check"])
        #expect(check.status == 2)
        #expect(check.stderr.hasPrefix("arena: \(arena.configPath):9: models[1].api_key: a key written in the config needs a private file (it is mode 0644): run chmod 600"))
        #expect(!check.stderr.contains(Self.literalKey))
        try await server.stop()
    }

    @Test func plainHTTPToAnotherHostWarnsAndExportsCanBeRedacted() async throws {
        let server = try await Self.server()
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_SECRET": "k"])
        try arena.writeConfig("""
            models:
              - { name: local, base_url: "\(server.baseURL.absoluteString)/file/v1", model: a, api_key_env: ARENA_TEST_SECRET }
              - { name: remote, base_url: "http://192.0.2.10:8000/v1", model: b, api_key_env: ARENA_TEST_SECRET }
            """)
        let models = try await arena.run(["models"])
        #expect(models.stderr == "arena: warning: remote: base_url uses plain http:// to 192.0.2.10, not this machine — prompts and the API key travel unencrypted; use https:// if the server offers it\n")
        try arena.writeConfig("""
            models:
              - { name: a, base_url: "\(server.baseURL.absoluteString)/file/v1", model: a, api_key_env: ARENA_TEST_SECRET }
              - { name: b, base_url: "\(server.baseURL.absoluteString)/file/v1", model: b, api_key_env: ARENA_TEST_SECRET }
            """)
        _ = try await arena.run(["ask", "--system", "Secret system prompt", "--vote", "tie", "My confidential prompt"])
        let plain = try await arena.run(["export"])
        let redacted = try await arena.run(["export", "--redact"])
        #expect(plain.stdout.contains("My confidential prompt"))
        #expect(!redacted.stdout.contains("My confidential prompt") && !redacted.stdout.contains("Secret system prompt"))
        #expect(redacted.stdout.contains("[redacted]") && redacted.stdout.contains("Hello."))
        try await server.stop()
    }
}
