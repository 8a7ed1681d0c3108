import ArenaCore
import Foundation
import Testing

@Suite("Config parsing")
struct ConfigParserTests {
    let parser = ConfigParser(file: "config.yaml")

    let valid = """
        models:
          - name: smol
            provider: openai
            base_url: http://127.0.0.1:8080/v1
            model: smollm2-135m
            api_key_env: OPENAI_API_KEY
            params: { temperature: 0.7, max_tokens: 512 }
            price: { input: 0.15, output: 0.60 }
            tags: [local, small]
          - name: claude
            provider: anthropic
            model: claude-x
        timeouts: { first_token: 30 }
        rater: alice
        """

    @Test func readsEveryField() throws {
        let config = try parser.parse(valid)
        #expect(config.models.count == 2)
        let smol = config.models[0]
        #expect(smol.name == "smol")
        #expect(smol.provider == .openai)
        #expect(smol.baseURL.absoluteString == "http://127.0.0.1:8080/v1")
        #expect(smol.model == "smollm2-135m")
        #expect(smol.apiKeyEnv == "OPENAI_API_KEY")
        #expect(smol.params == GenerationParams(temperature: 0.7, maxTokens: 512))
        #expect(smol.price == Price(input: 0.15, output: 0.60))
        #expect(smol.tags == ["local", "small"])
        #expect(config.models[1].baseURL.absoluteString == "https://api.anthropic.com")
        #expect(config.timeouts == Timeouts(connect: 10, firstToken: 30, idle: 60))
        #expect(config.rater == "alice")
    }

    /// Each bad input → exactly this one-line message naming file, line and field.
    @Test(arguments: [
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n   bad indent: 1\n",
         "config.yaml:5: YAML syntax error:"),
        ("models:\n  - name: a\n    provider: openia\n    base_url: http://x/v1\n    model: m\n",
         "config.yaml:3: models[0].provider: unknown provider \"openia\" (known: openai, anthropic, gemini, ollama)"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n",
         "config.yaml:2: models[0].model: is required"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n  - name: a\n    base_url: http://y/v1\n    model: n\n",
         "config.yaml:5: models[1].name: duplicate name \"a\" (first used on line 2)"),
        ("models:\n  - name: a\n    base_url: htp:/x\n    model: m\n",
         "config.yaml:3: models[0].base_url: not an http(s) URL: \"htp:/x\""),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    price: { input: -1, output: 2 }\n",
         "config.yaml:5: models[0].price.input: must not be negative (USD per 1M tokens)"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    temprature: 0.5\n",
         "config.yaml:5: models[0].temprature: unknown key (expected one of: api_key, api_key_env, api_key_file, base_url, headers, max_concurrency, model, name, params, price, provider, requests_per_minute, tags, timeouts)"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    params: { temperature: hot }\n",
         "config.yaml:5: models[0].params.temperature: must be a number, found \"hot\""),
        ("models:\n  - name: a\n    model: m\n",
         "config.yaml:2: models[0].base_url: is required for provider openai (e.g. http://127.0.0.1:8080/v1 or https://api.openai.com/v1)"),
        ("models: []\n", "config.yaml:1: models: lists no models"),
        ("modles:\n  - name: a\n", "config.yaml:1: modles: unknown key (expected one of: max_answer_bytes, models, rater, redact, timeouts)"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    api_key_env: sk-proj-abcdefghijklmnopqrstuvwxyz012345\n",
         "config.yaml:5: models[0].api_key_env: must name an environment variable (like OPENAI_API_KEY), not hold the key itself"),
        ("models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    timeouts: { idle: 0 }\n",
         "config.yaml:5: models[0].timeouts.idle: must be a positive number of seconds"),
        ("", "config.yaml: the file is empty"),
    ])
    func rejectsBadInput(yaml: String, expected: String) {
        do {
            _ = try parser.parse(yaml)
            Issue.record("accepted bad input; expected \(expected)")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix(expected), "got: \(error.description)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test func neverEchoesAPastedKey() throws {
        let key = "sk-proj-abcdefghijklmnopqrstuvwxyz012345"
        let yaml = "models:\n  - name: a\n    base_url: http://x/v1\n    model: m\n    api_key_env: \(key)\n"
        #expect(throws: ConfigError.self) { try parser.parse(yaml) }
        do { _ = try parser.parse(yaml) } catch { #expect(!"\(error)".contains(key)) }
    }

    @Test func selectsModelsByNameInOrder() throws {
        let config = try parser.parse(valid)
        #expect(try config.select(["claude", "smol"]).map(\.name) == ["claude", "smol"])
        #expect(try config.select([]).map(\.name) == ["smol", "claude"])
        #expect(throws: ArenaConfig.SelectionError.self) { try config.select(["nope"]) }
    }

    @Test func namingAModelTwiceIsRefusedByName() throws {
        let config = try parser.parse(valid)
        do {
            _ = try config.select(["smol", "smol"])
            Issue.record("a duplicated model was accepted")
        } catch {
            #expect(error.message.hasPrefix("smol named more than once"))
        }
    }

    @Test func locationsFollowXDGAndEnvironment() {
        let env = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"]
        let xdg = ConfigLocations(configOption: nil, storeOption: nil, environment: env)
        #expect(xdg.configPath == "/cfg/arena/config.yaml")
        #expect(xdg.storePath == "/data/arena/arena.sqlite")
        let fallback = ConfigLocations(configOption: nil, storeOption: nil, environment: ["HOME": "/home/u"])
        #expect(fallback.configPath == "/home/u/.config/arena/config.yaml")
        #expect(fallback.storePath == "/home/u/.local/share/arena/arena.sqlite")
        let overridden = ConfigLocations(configOption: "~/c.yaml", storeOption: nil,
                                         environment: env.merging(["ARENA_STORE": "/s.sqlite", "ARENA_CONFIG": "/e.yaml"]) { $1 })
        #expect(overridden.configPath == "/home/u/c.yaml")
        #expect(overridden.storePath == "/s.sqlite")
    }

    @Test func templateIsAValidConfig() throws {
        let config = try parser.parse(ConfigTemplate.text)
        #expect(config.models.map(\.name) == ["local-a", "local-b"])
    }
}
