import ArenaCore
import ArenaProviders
import ArenaStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns requests into prompts of a traffic suite: sampled, deduplicated, capped per day and
/// redacted, then written to the suite file (one append) with the primary's answer stored as the
/// prompt's run answer — so `arena judge SUITE` and `arena recommend SUITE` use them as they are.
///
/// ```swift
/// let capture = try TrafficCapture(settings: settings.capture!, primary: primary, store: store, status: status)
/// if await capture.admits() { … later: await capture.record(chat, tag: "extraction", answer: answer) }
/// ```
///
/// Traps: the id of a prompt is a hash of its redacted conversation and parameters, so the same
/// request captured twice is one prompt; a tag is a prompt tag (`SUITE/tag` picks those prompts).
/// Only answers that finished (stop or length) are captured: a failed or cut answer is no sample.
public actor TrafficCapture {
    public struct Settings: Sendable {
        public var suite: String
        /// The suite file, created with the first prompt.
        public var path: String
        /// The share of requests considered, 0…1.
        public var rate: Double
        /// New prompts per local day, at most.
        public var dailyCap: Int
        public var redactor: Redactor

        public init(suite: String, path: String, rate: Double = 1, dailyCap: Int = 1000, redactor: Redactor) {
            self.suite = suite
            self.path = path
            self.rate = rate
            self.dailyCap = dailyCap
            self.redactor = redactor
        }
    }

    public let settings: Settings
    let primary: ModelConfig
    let store: BattleStore
    let status: GatewayStatus
    let random: RandomSource
    private var known: Set<String>
    private var day: String
    private var capturedToday: Int

    /// Reads the suite file if there is one (a broken file is an error: nothing is appended to
    /// it) and counts today's captures from the store.
    public init(settings: Settings, primary: ModelConfig, store: BattleStore, status: GatewayStatus,
                random: RandomSource = RandomSource()) throws {
        self.settings = settings
        self.primary = primary
        self.store = store
        self.status = status
        self.random = random
        var known: Set<String> = []
        if FileManager.default.fileExists(atPath: settings.path) {
            let suite = try SuiteLibrary.load(path: settings.path)
            guard suite.name == settings.suite else {
                throw ConfigError(file: settings.path, line: nil, field: "name",
                                  message: "names the suite \(suite.name), not \(settings.suite)")
            }
            known = Set(suite.prompts.map(\.id))
        }
        self.known = known
        day = GatewayDay.today()
        let today = day
        capturedToday = (try? store.runAnswers(suite: settings.suite))?
            .filter { $0.key.model == primary.name && GatewayDay.today($0.createdAt) == today }.count ?? 0
    }

    /// Whether this request is sampled (decided before it is served, so a skipped one costs nothing).
    public func admits() -> Bool {
        guard settings.rate < 1 else { return true }
        let draw = random.draw { Double.random(in: 0..<1, using: &$0) }
        if draw < settings.rate { return true }
        status.skipCapture("not_sampled")
        return false
    }

    /// Stores `chat` as a prompt with `answer`; returns the prompt when it was new (for shadows).
    @discardableResult
    public func record(_ chat: CapturedChat, answer: Answer) async -> SuitePrompt? {
        guard answer.error == nil, answer.finishReason == .stop || answer.finishReason == .length else {
            status.skipCapture("primary_failed")
            return nil
        }
        let today = GatewayDay.today()
        if today != day { day = today; capturedToday = 0 }
        let messages = settings.redactor.redact(chat.messages)
        let params = chat.params == GenerationParams() ? nil : chat.params
        let prompt = SuitePrompt(id: Self.promptID(messages: messages, params: params), messages: messages,
                                 tags: chat.tag.map { [$0] } ?? [], params: params)
        guard !known.contains(prompt.id) else { status.skipCapture("duplicate"); return nil }
        guard capturedToday < settings.dailyCap else { status.skipCapture("daily_cap"); return nil }
        do {
            guard try append(prompt) else {
                known.insert(prompt.id)
                status.skipCapture("duplicate")
                return nil
            }
        } catch {
            status.update { $0.store_errors += 1; $0.last_error = "could not write \(settings.path): \(error)" }
            return nil
        }
        known.insert(prompt.id)
        capturedToday += 1
        status.update { $0.captured += 1 }
        await save(prompt: prompt, model: primary, answer: answer)
        return prompt
    }

    /// Stores a model's answer to a captured prompt (the primary's, or a shadow's), redacted like
    /// the prompt: an answer may repeat what the request held.
    func save(prompt: SuitePrompt, model: ModelConfig, answer: Answer) async {
        var answer = answer
        answer.text = settings.redactor.redact(answer.text)
        answer.reasoning = settings.redactor.redact(answer.reasoning)
        if let error = answer.error { answer.error?.message = settings.redactor.redact(error.message) }
        let job = BatchJob(suite: settings.suite, promptID: prompt.id, repeatIndex: 0,
                           request: ChatRequest(model: Self.tuned(model, prompt.params), messages: prompt.messages))
        let record = RunAnswer(key: .init(suite: settings.suite, promptID: prompt.id, repeatIndex: 0, model: model.name),
                               provider: model.provider, modelID: model.model, promptFingerprint: job.fingerprint,
                               conversation: prompt.messages, answer: answer, createdAt: Date())
        do { try await store.offPool { store throws(StoreError) in try store.save(runAnswer: record) } } catch {
            status.update { $0.store_errors += 1; $0.last_error = "could not store an answer: \(error)" }
        }
    }

    /// A model with a captured request's parameters over its own (what `arena run` sends, too).
    static func tuned(_ model: ModelConfig, _ params: GenerationParams?) -> ModelConfig {
        guard let params else { return model }
        var tuned = model
        tuned.params = model.params.overridden(by: params)
        return tuned
    }

    static func promptID(messages: [ChatMessage], params: GenerationParams?) -> String {
        struct Canonical: Encodable { var messages: [ChatMessage]; var params: GenerationParams? }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(Canonical(messages: messages, params: params))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "t-" + StableID.uuid(from: text).uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// The first prompt creates the file whole (written aside, then renamed into place); later
    /// ones are one append each. Under an exclusive lock on a hidden sidecar file, so two gateways
    /// capturing into one suite neither interleave their appends nor write the same prompt twice
    /// (a duplicate id would break the file). Returns false when the prompt was already there.
    private func append(_ prompt: SuitePrompt) throws -> Bool {
        let entry = try TrafficSuiteWriter.entry(prompt)
        let directory = (settings.path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let lock = try FileLock(path: (directory.isEmpty ? "" : directory + "/") + "." + (settings.path as NSString).lastPathComponent + ".lock")
        defer { lock.unlock() }
        guard FileManager.default.fileExists(atPath: settings.path) else {
            let header = try TrafficSuiteWriter.header(
                name: settings.suite, description: "Requests captured by arena gateway (primary: \(primary.name)).")
            try Data((header + entry).utf8).write(to: URL(fileURLWithPath: settings.path), options: .atomic)
            return true
        }
        guard let handle = FileHandle(forUpdatingAtPath: settings.path) else {
            throw ConfigError(file: settings.path, line: nil, field: "", message: "cannot open the suite file to append")
        }
        defer { try? handle.close() }
        // Another gateway may have captured it since this one read the file.
        let existing = try handle.readToEnd() ?? Data()
        if existing.range(of: Data("- id: \"\(prompt.id)\"\n".utf8)) != nil { return false }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(entry.utf8))
        try handle.synchronize()
        return true
    }
}

/// An exclusive `flock` on a file, held until `unlock` (or the process ends).
struct FileLock {
    let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else {
            throw ConfigError(file: path, line: nil, field: "", message: "cannot create the lock file (errno \(errno))")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// What of a request the capture keeps: the conversation, its parameters and the app's tag.
public struct CapturedChat: Sendable, Equatable {
    public var messages: [ChatMessage]
    public var params: GenerationParams
    public var tag: String?

    public init(messages: [ChatMessage], params: GenerationParams, tag: String?) {
        self.messages = messages
        self.params = params
        self.tag = tag
    }
}
