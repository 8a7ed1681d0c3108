import ArenaCore

/// Everything that can change the screen, in one enum: the reducer (`ScreenState.handle`) is the
/// only place state changes.
public enum ScreenEvent: Sendable, Equatable {
    case key(KeyPress)
    /// Bracketed paste: inserted into the prompt as is, newlines included.
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// A stream delta, finish or failure for `seat` in `turn`. Events of an older turn are ignored.
    case stream(turn: Int, seat: Int, event: StreamEvent)
    /// How long `seat`'s answer in `turn` took, measured by the streamer; sent just before its
    /// terminal event.
    case seatTimed(turn: Int, seat: Int, timing: AnswerTiming)
    /// The environment's `runTurn` returned: seats that never finished are marked failed.
    case turnEnded(turn: Int)
    /// New shuffled seats (answer to `.newBattle`).
    case battleReady(BattleSetup)
    /// Answers already given to the battle on screen (judge mode's stored answers), to vote on.
    case answersLoaded(battleID: String, turn: BattleTurn)
    /// Answer to `.saveTurn`: nil when stored, else why not.
    case turnSaved(turn: Int, error: String?)
    /// `.newBattle` failed; shown in place of the panes.
    case battleFailed(String)
    /// Answer to `.saveVerdict`.
    case verdictSaved(turn: Int, receipt: VerdictReceipt)
    /// Time since the screen started: toasts expire, the Ctrl-C quit window closes.
    case tick(Duration)
    /// SIGINT, SIGTERM or SIGHUP from outside: leave cleanly.
    case quitRequested
    /// Answer to `.undo`: the comparison to judge again, or nil when there was nothing to undo.
    case undone(UndoneVerdict?)
    /// An adequacy mark was stored (or not: `error`).
    case adequacyMarked(seat: Int, adequate: Bool, error: String?)
    /// The leaderboard the environment computed, as lines of text.
    case leaderboardReady([String])
    /// Answer to `.loadStore`: the verdict count and prompt history.
    case storeLoaded(StoreDetails)
}

/// What the reducer asks the outside world to do; the run loop performs effects through the
/// `ArenaScreenEnvironment` and posts the results back as events.
public enum ScreenEffect: Sendable, Equatable {
    /// Stream `request.prompt` to every seat (answer: `.stream` events, then `.turnEnded`).
    case startTurn(TurnRequest)
    /// Cancel the running turn's streams.
    case cancelStreams
    /// Store a streamed turn as soon as it is complete (answer: `.turnSaved`).
    case saveTurn(TurnSubmission)
    /// Store a verdict (answer: `.verdictSaved`); it follows the turn's own save.
    case saveVerdict(VerdictSubmission)
    /// Shuffle new seats (answer: `.battleReady` or `.battleFailed`).
    case newBattle
    /// Leave the screen.
    case quit
    /// Judge mode: store that this seat's answer is adequate (or not).
    case markAdequacy(battleID: String, seat: Int, adequate: Bool)
    /// Judge mode: take back the last verdict and show that comparison again.
    case undo
    /// Compute the leaderboard to fit this many columns and post `.leaderboardReady`.
    case showLeaderboard(width: Int)
    /// Count the verdicts and read the prompt history (answer: `.storeLoaded`).
    case loadStore
}

/// The screen's mode, derived from the state.
public enum ScreenPhase: Sendable, Equatable {
    /// No seats yet (or `.newBattle` failed).
    case preparing
    /// Typing a prompt: the first one, or a follow-up after a vote.
    case composing
    /// At least one seat is still answering.
    case streaming
    /// Every seat is done: waiting for a vote.
    case voting
    /// The vote was cast; waiting for the environment to confirm and reveal.
    case saving
}
