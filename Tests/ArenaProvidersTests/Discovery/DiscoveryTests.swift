import ArenaCore
@testable import ArenaProviders
import ArenaTestSupport
import Foundation
import Testing

@Suite("Zero-config discovery", .timeLimit(.minutes(1)))
struct DiscoveryTests {
    @Test func defaultCandidatesFollowPortsHostAndKeys() {
        let bare = DiscoveryCandidate.defaults(environment: [:])
        #expect(bare.map(\.label) == ["Ollama", "llama.cpp", "vLLM", "LM Studio"])
        #expect(bare[0].baseURL.absoluteString == "http://127.0.0.1:11434")
        let keyed = DiscoveryCandidate.defaults(environment: ["OLLAMA_HOST": "0.0.0.0:9999", "ANTHROPIC_API_KEY": "x",
                                                             "OPENROUTER_API_KEY": " ", "GEMINI_API_KEY": "g"])
        #expect(keyed[0].baseURL.absoluteString == "http://127.0.0.1:9999")
        #expect(keyed.map(\.label) == ["Ollama", "llama.cpp", "vLLM", "LM Studio", "Anthropic", "Gemini"])
        #expect(keyed.last?.keyVariable == "GEMINI_API_KEY")
    }

    @Test func findsServersQuicklyAndWritesAValidConfig() async throws {
        let server = try await LocalStreamingServer.start { request in
            switch request.uri {
            case "/api/tags": return .json(200, #"{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest"},{"name":"qwen3:4b"}]}"#)
            case "/v1/models": return .json(200, #"{"object":"list","data":[{"id":"smollm2-135m","object":"model"}]}"#)
            default: return .json(404, #"{"error":"not found"}"#)
            }
        }
        let closed = try await LocalStreamingServer.start { _ in .json(200, "{}") }
        let closedURL = closed.baseURL
        try await closed.stop()
        let candidates = [
            DiscoveryCandidate(label: "Ollama", namePrefix: "ollama", provider: .ollama, baseURL: server.baseURL, isLocal: true),
            DiscoveryCandidate(label: "llama.cpp", namePrefix: "llamacpp", provider: .openai,
                               baseURL: server.baseURL.appendingPathComponent("v1"), isLocal: true),
            DiscoveryCandidate(label: "vLLM", namePrefix: "vllm", provider: .openai,
                               baseURL: closedURL.appendingPathComponent("v1"), isLocal: true),
        ]
        let started = ContinuousClock.now
        // A generous timeout: the suite runs hundreds of tests beside this one on 2 cores.
        let found = await Discovery.discover(candidates, environment: [:], localTimeout: 5)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(found.map(\.models) == [["llama3.2:latest", "qwen3:4b"], ["smollm2-135m"], []])
        #expect(found[2].failure?.contains("refused") == true)

        let config = Discovery.config(from: found)
        #expect(config.models.map(\.name) == ["ollama/llama3.2:latest", "ollama/qwen3:4b", "llamacpp/smollm2-135m"])
        let yaml = Discovery.yaml(from: found)
        let reparsed = try ConfigParser(file: "discovered.yaml").parse(yaml)
        #expect(reparsed.models.map(\.name) == config.models.map(\.name))
        #expect(reparsed.models[0].provider == .ollama)
        #expect(yaml.contains("# vLLM at"))
        try await server.stop()
    }

    @Test func hostedListingsKeepChatModelsOnly() {
        let candidate = DiscoveryCandidate(label: "OpenAI", namePrefix: "openai", provider: .openai,
                                           baseURL: URL(string: "https://api.openai.com/v1")!, keyVariable: "K", isLocal: false)
        let kept = Discovery.chatModels(["gpt-4o-mini", "text-embedding-3-small", "whisper-1", "o3-mini", "tts-1", "models/gemini-x"],
                                        provider: candidate)
        #expect(kept == ["gpt-4o-mini", "o3-mini", "gemini-x"])
    }
}
