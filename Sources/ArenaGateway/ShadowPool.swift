import ArenaCore
import ArenaProviders
import Foundation

/// Sends captured prompts to the candidate models in the background: never in the app's way,
/// at most `concurrency` at once with a bounded queue behind them, and within the day's budget.
/// A request that finds no room is dropped and counted, never queued without bound.
///
/// ```swift
/// let pool = ShadowPool(settings: .init(models: [a, b], rate: 0.2, concurrency: 2, budgetUSDPerDay: 5), …)
/// await pool.offer(prompt)          // returns at once
/// await pool.drain()                // tests and shutdown: wait for what is running
/// ```
///
/// The budget counts what the shadows' answers cost by the price table; a model without a price
/// costs nothing to it (`arena gateway` warns about those at start).
public actor ShadowPool {
    public struct Settings: Sendable {
        public var models: [ModelConfig]
        public var rate: Double
        public var concurrency: Int
        public var queueLimit: Int
        public var budgetUSDPerDay: Double?

        public init(models: [ModelConfig], rate: Double, concurrency: Int = 2, queueLimit: Int = 64, budgetUSDPerDay: Double? = nil) {
            self.models = models
            self.rate = rate
            self.concurrency = max(concurrency, 1)
            self.queueLimit = max(queueLimit, 0)
            self.budgetUSDPerDay = budgetUSDPerDay
        }
    }

    /// `messages` is the request as the app sent it (shadows get the same request as the primary);
    /// `prompt` is its redacted, stored form, under which the answer is filed.
    struct Job: Sendable { var prompt: SuitePrompt; var messages: [ChatMessage]; var model: ModelConfig }

    let settings: Settings
    let client: ModelClient
    let config: ArenaConfig
    let capture: TrafficCapture
    let status: GatewayStatus
    let random: RandomSource
    private var queue: [Job] = []
    private var running = 0
    private var idle: [CheckedContinuation<Void, Never>] = []
    private var day = GatewayDay.today()
    private var spentToday = 0.0

    public init(settings: Settings, client: ModelClient, config: ArenaConfig, capture: TrafficCapture, status: GatewayStatus,
                random: RandomSource = RandomSource()) {
        self.settings = settings
        self.client = client
        self.config = config
        self.capture = capture
        self.status = status
        self.random = random
    }

    /// Considers one newly captured prompt for shadowing (`rate` of them are); `messages` is the
    /// request as sent to the primary.
    public func offer(_ prompt: SuitePrompt, messages: [ChatMessage]) {
        guard !settings.models.isEmpty else { return }
        if settings.rate < 1, random.draw({ Double.random(in: 0..<1, using: &$0) }) >= settings.rate { return }
        for model in settings.models { enqueue(Job(prompt: prompt, messages: messages, model: model)) }
    }

    /// Returns when nothing is running or queued.
    public func drain() async {
        guard running > 0 || !queue.isEmpty else { return }
        await withCheckedContinuation { idle.append($0) }
    }

    private func enqueue(_ job: Job) {
        if overBudget() { status.dropShadow("budget"); return }
        if running < settings.concurrency {
            start(job)
        } else if queue.count < settings.queueLimit {
            queue.append(job)
        } else {
            status.dropShadow("busy")
        }
    }

    private func overBudget() -> Bool {
        let today = GatewayDay.today()
        if today != day { day = today; spentToday = 0 }
        guard let budget = settings.budgetUSDPerDay else { return false }
        return spentToday >= budget
    }

    private func start(_ job: Job) {
        running += 1
        let client = client, config = config
        Task {
            let model = TrafficCapture.tuned(job.model, job.prompt.params)
            let answer = await client.answer(ChatRequest(model: model, messages: job.messages),
                                             limits: StreamLimits(model: model, config: config))
            await self.finished(job, answer: answer)
        }
    }

    private func finished(_ job: Job, answer: Answer) async {
        let cost = answer.metrics.costUSD ?? 0
        spentToday += cost
        status.update { status in
            if answer.error != nil { status.shadow_failed += 1 } else { status.shadowed += 1 }
            status.shadow_spend_today_usd += cost
        }
        await capture.save(prompt: job.prompt, model: job.model, answer: answer)
        running -= 1
        while running < settings.concurrency, !queue.isEmpty {
            let next = queue.removeFirst()
            if overBudget() { status.dropShadow("budget"); continue }
            start(next)
        }
        if running == 0, queue.isEmpty {
            let waiting = idle
            idle = []
            for continuation in waiting { continuation.resume() }
        }
    }
}
