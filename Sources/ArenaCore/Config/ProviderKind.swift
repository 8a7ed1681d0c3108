import Foundation

/// Which wire format a model endpoint speaks.
public enum ProviderKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// Any OpenAI-compatible `/chat/completions` server: OpenAI, vLLM, llama.cpp, LM Studio,
    /// Ollama's `/v1`, OpenRouter, Groq, DeepSeek, Together, Mistral, LiteLLM …
    case openai
    /// Anthropic's Messages API.
    case anthropic
    /// Google's Gemini API (`streamGenerateContent`).
    case gemini
    /// Ollama's native `/api/chat`.
    case ollama

    /// The base URL each vendor's own SDK uses, so hosted APIs need no `base_url`.
    public var defaultBaseURL: URL? {
        switch self {
        case .openai: return URL(string: "https://api.openai.com/v1")
        case .anthropic: return URL(string: "https://api.anthropic.com")
        case .gemini: return URL(string: "https://generativelanguage.googleapis.com/v1beta")
        case .ollama: return URL(string: "http://127.0.0.1:11434")
        }
    }

    /// The environment variable conventionally holding this vendor's key.
    public var conventionalKeyVariable: String? {
        switch self {
        case .openai: return "OPENAI_API_KEY"
        case .anthropic: return "ANTHROPIC_API_KEY"
        case .gemini: return "GEMINI_API_KEY"
        case .ollama: return nil
        }
    }
}
