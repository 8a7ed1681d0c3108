/// The commented example `arena config init` writes.
public enum ConfigTemplate {
    public static let text = """
        # arena config — the models you compare. Docs: README.md ("Config reference").
        # Every model needs a unique name (shown only after you vote), a provider, and the
        # endpoint's model id. Keys are read from environment variables, never stored here.

        models:
          # A local llama.cpp / llama-cpp-python server (OpenAI-compatible).
          - name: local-a
            provider: openai              # openai | anthropic | gemini | ollama
            base_url: http://127.0.0.1:8080/v1
            model: smollm2-135m
            params: { temperature: 0.7, max_tokens: 512 }
            tags: [local]

          # A second local server on another port (one process serves one request at a time).
          - name: local-b
            provider: openai
            base_url: http://127.0.0.1:8081/v1
            model: smollm2-135m
            params: { temperature: 0.7, max_tokens: 512 }
            tags: [local]

          # A hosted OpenAI-compatible API. Uncomment and export OPENAI_API_KEY first.
          # - name: gpt-mini
          #   provider: openai
          #   base_url: https://api.openai.com/v1
          #   model: gpt-4o-mini
          #   api_key_env: OPENAI_API_KEY
          #   params: { max_tokens: 512 }
          #   price: { input: 0.15, output: 0.60 }   # USD per 1M tokens
          #   tags: [hosted]

          # Ollama, natively:
          # - name: llama3
          #   provider: ollama              # base_url defaults to http://127.0.0.1:11434
          #   model: llama3.2

        # Optional: how long to wait, in seconds (each model may override under `timeouts:`).
        timeouts:
          connect: 10        # establishing the connection
          first_token: 120   # from sending the prompt to the first answer byte
          idle: 60           # longest pause while an answer streams

        # Optional: stop an answer past this many bytes of text (it is marked truncated).
        # max_answer_bytes: 1048576

        # Optional: your name on the verdicts you cast (default: your OS user name).
        # rater: alice

        """
}
