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

    @Test func everyCandidateURLCanBeRedirectedForTests() {
        let environment = ["OPENAI_API_KEY": "k", "ARENA_DISCOVERY_OPENAI_URL": "http://127.0.0.1:9/v1",
                           "ARENA_DISCOVERY_LLAMACPP_URL": "http://127.0.0.1:10/v1", "ARENA_DISCOVERY_VLLM_URL": "not a url"]
        let candidates = DiscoveryCandidate.defaults(environment: environment)
        #expect(candidates.first { $0.label == "OpenAI" }?.baseURL.absoluteString == "http://127.0.0.1:9/v1")
        #expect(candidates.first { $0.label == "llama.cpp" }?.baseURL.absoluteString == "http://127.0.0.1:10/v1")
        #expect(candidates.first { $0.label == "vLLM" }?.baseURL.absoluteString == "http://127.0.0.1:8000/v1")
    }

    @Test func reportNamesEveryHostedAPIAndLocalServersOnlyWhenTheyAnswered() {
        func candidate(_ label: String, local: Bool) -> DiscoveryCandidate {
            DiscoveryCandidate(label: label, namePrefix: label.lowercased(), provider: .openai,
                               baseURL: URL(string: "http://127.0.0.1:1/v1")!, keyVariable: local ? nil : "\(label.uppercased())_API_KEY",
                               isLocal: local)
        }
        let found = [
            Discovery.Found(candidate: candidate("vLLM", local: true), models: [], failure: "connection refused", failureKind: .connectionRefused),
            Discovery.Found(candidate: candidate("llama.cpp", local: true), models: [], failure: "the model list is not JSON",
                            failureKind: .malformedChunk),
            Discovery.Found(candidate: candidate("OpenAI", local: false), models: [], failure: "connection refused", failureKind: .connectionRefused),
            Discovery.Found(candidate: candidate("Gemini", local: false), models: [], failure: nil, failureKind: nil),
            Discovery.Found(candidate: candidate("OpenRouter", local: false), models: ["x"], failure: nil, failureKind: nil),
        ]
        #expect(Discovery.report(found) == [
            "llama.cpp: http://127.0.0.1:1/v1 left out: the model list is not JSON",
            "OpenAI (OPENAI_API_KEY set): http://127.0.0.1:1/v1 left out: connection refused",
            "Gemini (GEMINI_API_KEY set): http://127.0.0.1:1/v1 left out: it lists no chat models",
            "OpenRouter (OPENROUTER_API_KEY set): http://127.0.0.1:1/v1: 1 model",
        ])
    }

    @Test func findsServersQuicklyAndWritesAValidConfig() async throws {
        let server = try await LocalStreamingServer.start { request in
            switch request.uri {
            case "/api/tags": return .json(200, #"{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest"},{"name":"qwen3:4b"}]}"#)
            case "/v1/models": return .json(200, #"{"object":"list","data":[{"id":"smollm2-135m","object":"model"}]}"#)
            default: return .json(404, #"{"error":"not found"}"#)
            }
        }
        // A privileged port nothing listens on: a just-stopped test server's port may be bound
        // again at once by a test running beside this one.
        let closedURL = URL(string: "http://127.0.0.1:1")!
        let candidates = [
            DiscoveryCandidate(label: "Ollama", namePrefix: "ollama", provider: .ollama, baseURL: server.baseURL, isLocal: true),
            DiscoveryCandidate(label: "llama.cpp", namePrefix: "llamacpp", provider: .openai,
                               baseURL: server.baseURL.appendingPathComponent("v1"), isLocal: true),
            DiscoveryCandidate(label: "vLLM", namePrefix: "vllm", provider: .openai,
                               baseURL: closedURL.appendingPathComponent("v1"), isLocal: true),
        ]
        let started = ContinuousClock.now
        // A generous timeout: the suite runs hundreds of tests beside this one on 2 cores (5 s was
        // once too short there). A refused port still answers at once, so this costs nothing.
        let found = await Discovery.discover(candidates, environment: [:], localTimeout: 30)
        // A does-not-hang bound, not a speed claim (2 shared cores under the whole suite took
        // 10.3 s once); the probe's speed is measured where machines are quiet: docs/performance.md.
        #expect(ContinuousClock.now - started < .seconds(60))
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
