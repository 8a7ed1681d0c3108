/// What the server said answered a request: the model it resolved the configured id to (a
/// snapshot such as `gpt-4o-2024-08-06` behind `gpt-4o`) and the build fingerprint it reports.
/// Either may be missing: many servers send neither.
///
/// Read from OpenAI-compatible chunks (`model`, `system_fingerprint`), Anthropic's
/// `message_start.message.model`, Gemini's `modelVersion` and Ollama's `model`.
public struct ServedModel: Sendable, Hashable, Codable {
    public var model: String?
    public var fingerprint: String?

    public init(model: String? = nil, fingerprint: String? = nil) {
        self.model = model
        self.fingerprint = fingerprint
    }

    /// These facts updated by a later report (a field it leaves out keeps its value).
    public func merged(with newer: ServedModel) -> ServedModel {
        ServedModel(model: newer.model ?? model, fingerprint: newer.fingerprint ?? fingerprint)
    }

    public var isEmpty: Bool { model == nil && fingerprint == nil }

    /// The resolved model when it is not simply the id that was asked for (nil otherwise).
    public func differs(fromRequested id: String) -> String? {
        guard let model, model != id else { return nil }
        return model
    }
}

/// Emits `.served` only when what the server reports changes: a decoder keeps one per stream.
public struct ServedModelTracker: Sendable, Equatable {
    private var current = ServedModel()

    public init() {}

    /// What has been reported so far.
    public var reported: ServedModel { current }

    /// The event to emit for a report, if it says something new.
    public mutating func report(model: String?, fingerprint: String? = nil) -> StreamEvent? {
        // The usual chunk repeats what the last one said (or says nothing): decided without a merge.
        if model == nil || model == current.model, fingerprint == nil || fingerprint == current.fingerprint { return nil }
        let next = current.merged(with: ServedModel(model: model, fingerprint: fingerprint))
        guard next != current else { return nil }
        current = next
        return .served(next)
    }
}
