import ArenaCore

/// What one drawn frame cost and carried; the benchmark's raw data.
public struct FrameReport: Sendable {
    /// When the frame reached the terminal (after flush).
    public var flushedAt: ContinuousClock.Instant
    /// Time spent laying out, painting, diffing and applying.
    public var renderDuration: Duration
    public var changedCells: Int
    /// When each stream event shown for the first time in this frame was posted.
    public var streamEventsPostedAt: [ContinuousClock.Instant]
}

/// The UI loop: reads keys with a timeout that doubles as the frame clock, drains the inbox once
/// per pass, reduces, performs effects, and draws at most one frame per `frameInterval` and only
/// when something changed. Runs on the thread that owns the terminal until `.quit`.
///
/// ```swift
/// let final = ScreenRunLoop.run(state: state, terminal: terminal, environment: environment)
/// ```
public enum ScreenRunLoop {
    public struct Options: Sendable {
        /// Minimum time between frames (16 ms ≈ 60 fps).
        public var frameInterval: Duration = .milliseconds(16)
        /// Polled every pass; true leaves the loop as if `.quitRequested` arrived (signals).
        public var externalQuit: @Sendable () -> Bool = { false }
        /// Called after every frame (benchmarks); off the hot path when nil.
        public var frameObserver: (@Sendable (FrameReport) -> Void)?
        /// How long to wait on quit for verdicts still being saved.
        public var saveGracePeriod: Duration = .seconds(3)
        /// The clock of the frame cap and the screen's `.tick`s (tests: a manual clock; the input
        /// timeout itself is the terminal's).
        public var clock: ArenaClock = .system

        public init() {}
    }

    @discardableResult
    public static func run(state initial: ScreenState, terminal: any TerminalDevice,
                           environment: ArenaScreenEnvironment, inbox: ScreenInbox = ScreenInbox(),
                           options: Options = Options()) -> ScreenState {
        let clock = options.clock
        let start = clock.now()
        var state = initial
        state.size = terminal.size
        let runner = EffectRunner(environment: environment, inbox: inbox)
        var decoder = InputDecoder()
        var previous: CellGrid?
        var lastFrame = start - options.frameInterval
        let frameMilliseconds = Int(options.frameInterval.components.attoseconds / 1_000_000_000_000_000)
            + Int(options.frameInterval.components.seconds) * 1000
        var pendingPostTimes: [ContinuousClock.Instant] = []
        let observing = options.frameObserver != nil
        var quitting = false

        for effect in state.start() { runner.perform(effect) }

        while !quitting {
            var timeout = frameMilliseconds
            if state.needsRedraw {
                let sinceFrame = clock.now() - lastFrame
                timeout = max(0, frameMilliseconds - Int(sinceFrame.components.attoseconds / 1_000_000_000_000_000)
                    - Int(sinceFrame.components.seconds) * 1000)
            }
            var units: [TerminalInput] = []
            if let first = terminal.nextInput(timeoutMilliseconds: timeout) {
                units.append(first)
                while units.count < 8192, let more = terminal.nextInput(timeoutMilliseconds: 0) { units.append(more) }
            }
            var effects: [ScreenEffect] = []
            for input in decoder.feed(units) {
                effects += state.handle(ScreenEvent(input))
            }
            for posted in inbox.drain() {
                if observing, case .stream = posted.event { pendingPostTimes.append(posted.postedAt) }
                effects += state.handle(posted.event)
            }
            effects += state.handle(.tick(clock.now() - start))
            if options.externalQuit() { effects += state.handle(.quitRequested) }
            for effect in effects {
                if effect == .quit { quitting = true } else { runner.perform(effect) }
            }
            if quitting { break }

            let now = clock.now()
            guard state.needsRedraw, now - lastFrame >= options.frameInterval else { continue }
            if state.fullRedrawRequested {
                terminal.invalidate()
                previous = nil
                state.fullRedrawRequested = false
            }
            let frame = ScreenRenderer.render(&state)
            let changes = frame.grid.changes(since: previous)
            terminal.apply(changes)
            terminal.flush(cursor: frame.cursor)
            previous = frame.grid
            state.markDrawn()
            lastFrame = now
            if let observer = options.frameObserver {
                observer(FrameReport(flushedAt: .now, renderDuration: clock.now() - now, changedCells: changes.count,
                                     streamEventsPostedAt: pendingPostTimes))
                pendingPostTimes.removeAll(keepingCapacity: true)
            }
        }
        runner.shutDown(timeout: options.saveGracePeriod)
        return state
    }
}

extension ScreenEvent {
    init(_ input: InputEvent) {
        switch input {
        case .key(let press): self = .key(press)
        case .paste(let text): self = .paste(text)
        case .mouse(let mouse): self = .mouse(mouse)
        case .resize(let width, let height): self = .resize(width: width, height: height)
        }
    }
}
