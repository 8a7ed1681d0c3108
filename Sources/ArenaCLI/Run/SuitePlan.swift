import ArenaCore
import ArenaProviders
import Foundation

/// Turns a suite and models into the requests of a run, and the run's pacing.
enum SuitePlan {
    /// Every prompt × repeat × model; a prompt's `params` override the suite's, which override the model's own.
    static func jobs(suite: PromptSuite, models: [ModelConfig], repeats: Int) -> [BatchJob] {
        var jobs: [BatchJob] = []
        for prompt in suite.prompts {
            for repeatIndex in 0..<repeats {
                for model in models {
                    var tuned = model
                    tuned.params = model.params.overridden(by: suite.params).overridden(by: prompt.params ?? GenerationParams())
                    jobs.append(BatchJob(suite: suite.name, promptID: prompt.id, repeatIndex: repeatIndex,
                                         request: ChatRequest(model: tuned, messages: suite.conversation(for: prompt))))
                }
            }
        }
        return jobs
    }

    /// One request at a time to servers on this machine by default (they serve one at a time and
    /// queueing would distort timings), four to remote ones; the config's `max_concurrency` and
    /// `requests_per_minute` per model override.
    static func limits(for models: [ModelConfig], concurrency: Int) -> BatchLimits {
        var perEndpoint: [String: Int] = [:]
        var perMinute: [String: Double] = [:]
        for model in models {
            let endpoint = model.baseURL.absoluteString
            let host = model.baseURL.host ?? ""
            let local = host == "localhost" || host == "::1" || host.hasPrefix("127.")
            perEndpoint[endpoint] = model.maxConcurrency ?? perEndpoint[endpoint] ?? (local ? 1 : 4)
            if let rate = model.requestsPerMinute { perMinute[endpoint] = rate }
        }
        return BatchLimits(concurrency: concurrency, perEndpoint: perEndpoint, requestsPerMinute: perMinute)
    }
}
