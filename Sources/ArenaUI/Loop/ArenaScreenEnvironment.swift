import ArenaCore

/// The screen's seams to the rest of arena: seats, streaming, the store. Every closure may be
/// slow; the run loop calls them in tasks and posts their results back as events, so the UI never
/// waits on them.
///
/// ```swift
/// let environment = ArenaScreenEnvironment(
///     store: StoreStatus(path: store.path, verdictCount: try store.verdictCount()),
///     newBattle: { try await battles.shuffle() },                 // BattleSetup
///     runTurn: { request, sink in await runner.stream(request, into: sink) },
///     saveTurn: { turn in await store.save(turn) },               // error message or nil
///     saveVerdict: { submission in await store.save(submission) }) // VerdictReceipt
/// ```
///
/// The screen folds the streams itself (into the battle it was given); the environment only
/// streams, and stores the battle the screen hands back. Store writes arrive one at a time, in
/// order: a turn's save always comes before its verdict's.
///
/// Traps: `runTurn` must honour task cancellation (Esc cancels its task); it should post
/// `.finished`/`.failed` for every seat. `saveVerdict` should not throw: put a failure in
/// `VerdictReceipt.saveError` and still fill `reveals`, so the user sees the names.
public struct ArenaScreenEnvironment: Sendable {
    public var store: StoreStatus
    /// Earlier prompts for Up/Down, oldest first.
    public var promptHistory: [String]
    public var leakGuard: IdentityLeakGuard
    /// Shuffles the seats of a new battle (called at start and on `n`).
    public var newBattle: @Sendable () async throws -> BattleSetup
    /// Streams one turn to every seat, posting into `sink` (events and each seat's timing).
    public var runTurn: @Sendable (TurnRequest, TurnEventSink) async -> Void
    /// Stores a completed streamed turn; returns an error message or nil.
    public var saveTurn: @Sendable (TurnSubmission) async -> String?
    /// Stores a verdict; returns the new count and the reveal (model names, speed, cost).
    public var saveVerdict: @Sendable (VerdictSubmission) async -> VerdictReceipt
    /// The leaderboard as lines of text fitting the given width (for `l`).
    public var leaderboard: @Sendable (Int) async -> [String]
    /// Counts the verdicts and reads the prompt history, after the first frame; asked only when
    /// `store.verdictCount` is nil.
    public var loadStore: @Sendable () async -> StoreDetails = { StoreDetails(verdictCount: nil) }
    /// Judge mode: stored answers are compared, nothing is revealed, `+`/`-`/`u` work.
    public var judgeMode = false
    /// Judge mode: store an adequacy mark (battle id, seat, adequate); returns an error message or nil.
    public var markAdequacy: @Sendable (String, Int, Bool) async -> String? = { _, _, _ in "not in judge mode" }
    /// Judge mode: take back the last verdict; returns that comparison to show again (and the
    /// store's verdict count after the undo), or nil when there is nothing to undo.
    public var undo: @Sendable () async -> UndoneVerdict? = { nil }

    public init(store: StoreStatus, promptHistory: [String] = [], leakGuard: IdentityLeakGuard = .default,
                newBattle: @escaping @Sendable () async throws -> BattleSetup,
                runTurn: @escaping @Sendable (TurnRequest, TurnEventSink) async -> Void,
                saveTurn: @escaping @Sendable (TurnSubmission) async -> String? = { _ in nil },
                saveVerdict: @escaping @Sendable (VerdictSubmission) async -> VerdictReceipt,
                leaderboard: @escaping @Sendable (Int) async -> [String] = { _ in ["No leaderboard in this session."] }) {
        self.store = store
        self.promptHistory = promptHistory
        self.leakGuard = leakGuard
        self.newBattle = newBattle
        self.runTurn = runTurn
        self.saveTurn = saveTurn
        self.saveVerdict = saveVerdict
        self.leaderboard = leaderboard
    }
}

/// The environment's answer to `.undo`: the comparison to show again.
public struct UndoneVerdict: Sendable, Equatable {
    public var setup: BattleSetup
    /// Verdicts in the store after the undo; nil if unknown.
    public var verdictCount: Int?

    public init(setup: BattleSetup, verdictCount: Int?) {
        self.setup = setup
        self.verdictCount = verdictCount
    }
}
