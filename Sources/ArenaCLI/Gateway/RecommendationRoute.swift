import ArenaCore
import ArenaGateway
import ArenaStore
import Foundation

/// `arena gateway --route SUITE --bar SPEC`: serves each request with the suite's current
/// recommendation — the cheapest model that clears every bar — and the primary while that is
/// undecided. Untagged requests follow the whole suite; a tagged one follows the prompts of its
/// tag only (`SUITE/tag`), so a tag where a cheap model fails keeps the primary.
///
/// The decisions are `arena recommend`'s, anytime-valid: re-deciding as verdicts arrive (every
/// `refreshSeconds`, off the requests' path) does not wear down their 95%.
actor RecommendationRoute: GatewayRoute {
    let suiteArgument: String
    let bars: [AdequacyBar]
    let models: [ModelConfig]
    let primary: String
    let store: BattleStore
    let locations: ConfigLocations
    let refreshSeconds: Double
    private var choices: [String: String] = [:]
    private var described: [String: String] = [:]
    private var decidedAt: ContinuousClock.Instant?
    private var refreshing = false

    init(suite: String, bars: [AdequacyBar], models: [ModelConfig], primary: String, store: BattleStore,
         locations: ConfigLocations, refreshSeconds: Double) {
        suiteArgument = suite
        self.bars = bars
        self.models = models
        self.primary = primary
        self.store = store
        self.locations = locations
        self.refreshSeconds = refreshSeconds
    }

    func model(tag: String?) async -> ModelConfig? {
        if let decidedAt, ContinuousClock.now - decidedAt < .milliseconds(Int64(refreshSeconds * 1000)) {
            // fresh enough
        } else if decidedAt == nil {
            await refresh()
        } else if !refreshing {
            refreshing = true
            Task { await self.refresh() }
        }
        guard let name = choices[tag ?? ""] else { return nil }
        return models.first { $0.name == name }
    }

    func describe() async -> [String: String] {
        if decidedAt == nil { await refresh() }
        return described
    }

    /// Recomputes every route: the whole suite, and each tag its prompts carry.
    func refresh() async {
        defer { refreshing = false; decidedAt = .now }
        guard let suite = try? SuiteLoading.load(suiteArgument, locations: locations) else { return }
        let store = store, bars = bars, models = models
        let loaded = try? await store.offPool { store throws(StoreError) in
            (try store.runAnswers(suite: suite.name), try store.battles(suite: suite.name), try store.adequacyMarks(suite: suite.name))
        }
        guard let (answers, battles, marks) = loaded else { return }
        var tags = Set(suite.prompts.flatMap(\.tags))
        tags.remove("traffic")
        var choices: [String: String] = [:]
        var described: [String: String] = [:]
        for tag in [""] + tags.sorted() {
            var part = suite
            if !tag.isEmpty { part.prompts = suite.prompts.filter { $0.tags.contains(tag) } }
            let ids = Set(part.prompts.map(\.id))
            let mine = answers.filter { ids.contains($0.key.promptID) }
            let label = tag.isEmpty ? suite.name : "\(suite.name)/\(tag)"
            guard !mine.isEmpty else { described[label] = "\(primary) (no answers yet)"; continue }
            let judged = battles.filter { $0.battle.origin.map { ids.contains($0.promptID) } ?? false }
            let recommendation = Recommendation(suite: part, models: models, answers: mine,
                                                marks: marks.filter { ids.contains($0.key.promptID) }, battles: judged, bars: bars, seed: 1)
            if let cheapest = recommendation.cheapest, models.contains(where: { $0.name == cheapest.model }) {
                choices[tag] = cheapest.model
                described[label] = cheapest.model
            } else {
                described[label] = "\(primary) (undecided)"
            }
        }
        self.choices = choices
        self.described = described
    }
}
