import ArenaCore
import Testing

@Suite("Suite parsing")
struct SuiteParserTests {
    let parser = SuiteParser(file: "prompts/support.yaml")

    let valid = """
        description: Replies for a shop
        tags: [support, writing]
        vars: { shop: Kettle & Crane, agent: Priya }
        system: You are {{ agent }} at {{shop}}.
        params: { temperature: 0.3, max_tokens: 400 }
        prompts:
          - id: late-parcel
            tags: [easy]
            vars: { order: KC-1, days: 4, agent: Sam }
            text: |
              Order {{ order }} is {{days}} days late. Regards to {{ agent }}.
            notes: A good reply names {{ order }}.
          - id: follow-up
            messages:
              - { role: user, content: "My kettle from {{ shop }} broke." }
              - { role: assistant, content: Sorry! Replacement sent. }
              - role: user
                content: The replacement broke too.
          - id: own-system
            messages:
              - { role: system, content: Answer in French. }
              - { role: user, content: Where is my order? }
        """

    @Test func readsEveryField() throws {
        let suite = try parser.parse(valid)
        #expect(suite.name == "support")
        #expect(suite.description == "Replies for a shop")
        #expect(suite.tags == ["support", "writing"])
        #expect(suite.system == "You are Priya at Kettle & Crane.")
        #expect(suite.params == GenerationParams(temperature: 0.3, maxTokens: 400))
        #expect(suite.source == "prompts/support.yaml")
        #expect(suite.prompts.map(\.id) == ["late-parcel", "follow-up", "own-system"])

        let late = suite.prompts[0]
        #expect(late.messages == [ChatMessage(role: .user, content: "Order KC-1 is 4 days late. Regards to Sam.\n")])
        #expect(late.text == "Order KC-1 is 4 days late. Regards to Sam.\n")
        #expect(late.tags == ["easy"])
        #expect(late.notes == "A good reply names KC-1.")

        let followUp = suite.prompts[1]
        #expect(followUp.messages.map(\.role) == [.user, .assistant, .user])
        #expect(followUp.messages[0].content == "My kettle from Kettle & Crane broke.")
        #expect(followUp.text == "The replacement broke too.")
        #expect(followUp.notes == "")
    }

    @Test func conversationPutsTheSystemPromptFirstUnlessThePromptHasItsOwn() throws {
        let suite = try parser.parse(valid)
        #expect(suite.conversation(for: suite.prompts[0]).map(\.role) == [.system, .user])
        #expect(suite.conversation(for: suite.prompts[0]).first?.content == "You are Priya at Kettle & Crane.")
        #expect(suite.conversation(for: suite.prompts[2]) == [
            ChatMessage(role: .system, content: "Answer in French."),
            ChatMessage(role: .user, content: "Where is my order?"),
        ])
        let bare = try parser.parse("prompts:\n  - { id: a, text: hi }\n")
        #expect(bare.system == nil)
        #expect(bare.conversation(for: bare.prompts[0]) == [ChatMessage(role: .user, content: "hi")])
    }

    /// `split: dev|test` holds prompts out; anything else is an error naming file, line and field.
    @Test func aSplitMarksHeldOutPromptsAndNothingElseIsAccepted() throws {
        let suite = try parser.parse("prompts:\n  - { id: a, text: hi, split: dev }\n  - { id: b, text: ho, split: test }\n  - { id: c, text: hu }\n")
        #expect(suite.prompts.map(\.split) == [.dev, .test, nil])
        #expect(suite.only(.test).prompts.map(\.id) == ["b"])
        #expect(suite.only(nil).prompts.count == 3)
        let error = #expect(throws: (any Error).self) {
            try parser.parse("prompts:\n  - id: a\n    text: hi\n    split: holdout\n")
        }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("prompts/support.yaml:4") && message.contains("prompts[0].split")
                && message.contains("must be dev or test"), "\(message)")
    }

    @Test func nameDefaultsToTheFileBaseNameAndCanBeSet() throws {
        let minimal = "prompts:\n  - { id: a, text: hi }\n"
        #expect(try SuiteParser(file: "/x/y/code-review.yaml").parse(minimal).name == "code-review")
        #expect(try SuiteParser(file: "mine.yml").parse(minimal).name == "mine")
        #expect(try SuiteParser(file: "plain").parse(minimal).name == "plain")
        #expect(try parser.parse("name: other\n" + minimal).name == "other")
    }

    @Test(arguments: [
        ("Hello {{name}}!", "Hello Ada!"),
        ("Hello {{ name }} and {{\tname\t}}", "Hello Ada and Ada"),
        ("n = {{n}}, price {{price}}", "n = 7, price 1.50"),
        (#"Go: \{{ .Name }} is literal, {{name}} is not"#, "Go: {{ .Name }} is literal, Ada is not"),
        ("}} and { single } braces stay", "}} and { single } braces stay"),
        ("value with braces: {{braces}}", "value with braces: {{not rendered}}"),
        ("a \\ backslash elsewhere", "a \\ backslash elsewhere"),
    ])
    func fillsVariables(template: String, expected: String) throws {
        let yaml = """
            prompts:
              - id: a
                vars: { name: Ada, n: 7, price: 1.50, braces: "{{not rendered}}" }
                text: '\(template)'
            """
        #expect(try parser.parse(yaml).prompts[0].text == expected)
    }

    @Test func promptVarsOverrideSuiteVarsAndSystemSeesOnlySuiteVars() throws {
        let yaml = "vars: { who: suite }\nsystem: '{{who}}'\nprompts:\n  - { id: a, vars: { who: prompt }, text: '{{who}}' }\n"
        let suite = try parser.parse(yaml)
        #expect(suite.system == "suite")
        #expect(suite.prompts[0].text == "prompt")
        let leak = "system: '{{who}}'\nprompts:\n  - { id: a, vars: { who: prompt }, text: '{{who}}' }\n"
        #expect(throws: ConfigError(file: "prompts/support.yaml", line: 1, field: "system",
                                    message: "undefined variable {{who}} (no vars are defined here)")) {
            try parser.parse(leak)
        }
    }

    /// Each bad input → exactly this one-line message naming file, line and field.
    @Test(arguments: [
        ("prompts:\n  - id: a\n    text: hi\n   bad: indent\n",
         "prompts/support.yaml:4: YAML syntax error:"),
        ("", "prompts/support.yaml: the file is empty"),
        ("- just\n- a list\n",
         "prompts/support.yaml:1: must be a mapping of `key: value` lines, found a list"),
        ("nmae: x\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: nmae: unknown key (expected one of: description, name, params, prompts, system, tags, vars)"),
        ("prompts:\n  - id: a\n    txet: hi\n",
         "prompts/support.yaml:3: prompts[0].txet: unknown key (expected one of: id, messages, notes, params, split, tags, text, vars)"),
        ("description: x\n", "prompts/support.yaml:1: prompts: is required"),
        ("prompts: []\n", "prompts/support.yaml:1: prompts: lists no prompts"),
        ("prompts:\n  - text: hi\n", "prompts/support.yaml:2: prompts[0].id: is required"),
        ("prompts:\n  - id:\n    text: hi\n", "prompts/support.yaml:2: prompts[0].id: is required but empty"),
        ("prompts:\n  - id: late parcel\n    text: hi\n",
         "prompts/support.yaml:2: prompts[0].id: must use only letters, digits, \".\", \"_\" and \"-\" (found \"late parcel\")"),
        ("prompts:\n  - id: a\n    text: hi\n  - id: b\n    text: yo\n  - id: a\n    text: again\n",
         "prompts/support.yaml:6: prompts[2].id: duplicate id \"a\" (first used on line 2)"),
        ("prompts:\n  - id: a\n    text: hi\n    messages:\n      - { role: user, content: hi }\n",
         "prompts/support.yaml:5: prompts[0].messages: cannot be used together with text (text for one question, messages for a conversation)"),
        ("prompts:\n  - id: a\n    notes: nothing to ask\n",
         "prompts/support.yaml:2: prompts[0].text: is required (or messages, for a multi-turn prompt)"),
        ("prompts:\n  - id: a\n    text: '  '\n", "prompts/support.yaml:3: prompts[0].text: is empty"),
        ("prompts:\n  - id: a\n    messages: []\n", "prompts/support.yaml:3: prompts[0].messages: lists no messages"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: bot, content: hi }\n",
         "prompts/support.yaml:4: prompts[0].messages[0].role: unknown role \"bot\" (expected user, assistant or system)"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: user }\n",
         "prompts/support.yaml:4: prompts[0].messages[0].content: is required"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: user, content: hi, name: x }\n",
         "prompts/support.yaml:4: prompts[0].messages[0].name: unknown key (expected one of: content, role)"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: user, content: hi }\n      - { role: assistant, content: yo }\n",
         "prompts/support.yaml:5: prompts[0].messages: must end with a user message (the one the models answer)"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: user, content: hi }\n      - { role: user, content: hi again }\n",
         "prompts/support.yaml:5: prompts[0].messages[1].role: follows another user message; user and assistant turns alternate"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: assistant, content: yo }\n      - { role: user, content: hi }\n",
         "prompts/support.yaml:4: prompts[0].messages[0].role: the conversation must start with a user message (after an optional system message)"),
        ("prompts:\n  - id: a\n    messages:\n      - { role: user, content: hi }\n      - { role: system, content: be nice }\n      - { role: user, content: hi }\n",
         "prompts/support.yaml:5: prompts[0].messages[1].role: only the first message may be a system message (it replaces the suite's system)"),
        ("prompts:\n  - id: a\n    vars: { order: 1 }\n    text: |\n      Where is {{ ordr }}?\n",
         "prompts/support.yaml:4: prompts[0].text: undefined variable {{ordr}} (defined: order)"),
        ("vars: { shop: X }\nprompts:\n  - id: a\n    messages:\n      - { role: user, content: 'hi {{name}}' }\n",
         "prompts/support.yaml:5: prompts[0].messages[0].content: undefined variable {{name}} (defined: shop)"),
        ("prompts:\n  - id: a\n    text: hi\n    notes: 'mentions {{order}}'\n",
         "prompts/support.yaml:4: prompts[0].notes: undefined variable {{order}} (no vars are defined here)"),
        ("prompts:\n  - id: a\n    text: 'a {{ b'\n",
         "prompts/support.yaml:3: prompts[0].text: \"{{\" is not closed by \"}}\" (write \\{{ for a literal {{)"),
        ("prompts:\n  - id: a\n    text: 'a {{ .Name }}'\n",
         "prompts/support.yaml:3: prompts[0].text: \"{{ .Name }}\" is not a variable name (letters, digits, _ and -; write \\{{ for a literal {{)"),
        ("prompts:\n  - id: a\n    vars: { order: [1, 2] }\n    text: hi\n",
         "prompts/support.yaml:3: prompts[0].vars.order: must be a single value, found a list"),
        ("prompts:\n  - id: a\n    vars: { order: }\n    text: hi\n",
         "prompts/support.yaml:3: prompts[0].vars.order: has no value (write \"\" for an empty string)"),
        ("prompts:\n  - id: a\n    vars: { 'order id': 1 }\n    text: hi\n",
         "prompts/support.yaml:3: prompts[0].vars.order id: not a variable name (letters, digits, _ and -, starting with a letter or _)"),
        ("vars: [a, b]\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: vars: must be a mapping of `name: value` lines"),
        ("params: { temperature: hot }\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: params.temperature: must be a number, found \"hot\""),
        ("params: { max_tokens: 0 }\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: params.max_tokens: must be positive"),
        ("params: { temprature: 1 }\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: params.temprature: unknown key (expected one of: max_tokens, seed, stop, temperature, top_p)"),
        ("tags: support\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: tags: must be a list, found \"support\""),
        ("name: my suite\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: name: must use only letters, digits, \".\", \"_\" and \"-\" (found \"my suite\")"),
        ("system: [a]\nprompts:\n  - { id: a, text: hi }\n",
         "prompts/support.yaml:1: system: must be a single value, found a list"),
    ])
    func rejectsBadInput(yaml: String, expected: String) {
        do {
            let suite = try parser.parse(yaml)
            Issue.record("accepted bad input (\(suite.prompts.count) prompts); expected \(expected)")
        } catch let error as ConfigError {
            if expected.hasSuffix("YAML syntax error:") {
                #expect(error.description.hasPrefix(expected), "got: \(error.description)")
            } else {
                #expect(error.description == expected)
            }
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }
}
