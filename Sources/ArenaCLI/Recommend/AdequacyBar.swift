import ArenaRanking
import Foundation

/// A product team's bar for "adequate", as written on the command line:
/// `adequate>=0.9` (share of answers marked adequate, by its lower 95% bound) or
/// `vs=MODEL,winrate>=0.45` (win-or-tie rate against a reference model, by its lower bound).
enum AdequacyBar: Equatable, CustomStringConvertible {
    case adequateShare(atLeast: Double)
    case winRate(versus: String, atLeast: Double)

    init?(parsing text: String) {
        let compact = text.replacingOccurrences(of: " ", with: "")
        if compact.hasPrefix("adequate>="), let value = Double(compact.dropFirst("adequate>=".count)), (0...1).contains(value) {
            self = .adequateShare(atLeast: value)
            return
        }
        let parts = compact.split(separator: ",")
        if parts.count == 2, parts[0].hasPrefix("vs="), parts[1].hasPrefix("winrate>="),
           let value = Double(parts[1].dropFirst("winrate>=".count)), (0...1).contains(value) {
            let model = String(parts[0].dropFirst(3))
            guard !model.isEmpty else { return nil }
            self = .winRate(versus: model, atLeast: value)
            return
        }
        return nil
    }

    var threshold: Double {
        switch self {
        case .adequateShare(let value), .winRate(_, let value): return value
        }
    }

    var description: String {
        switch self {
        case .adequateShare(let value): return "adequate ≥ \(Self.percent(value))"
        case .winRate(let model, let value): return "win-or-tie vs \(model) ≥ \(Self.percent(value))"
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%g%%", value * 100) }
}

/// Where a model stands against one bar.
struct BarResult: Equatable {
    enum Status: String { case adequate, notAdequate = "not adequate", undecided, reference }
    var successes: Int
    var trials: Int
    var interval: WilsonInterval?
    var status: Status
    /// Judgements still needed to decide, if undecided and the current rate holds.
    var needed: Int?

    static func decide(successes: Int, trials: Int, bar: Double) -> BarResult {
        guard trials > 0 else { return BarResult(successes: 0, trials: 0, interval: nil, status: .undecided, needed: nil) }
        let interval = WilsonInterval(successes: successes, trials: trials)
        if interval.lower >= bar { return BarResult(successes: successes, trials: trials, interval: interval, status: .adequate, needed: nil) }
        if interval.upper < bar { return BarResult(successes: successes, trials: trials, interval: interval, status: .notAdequate, needed: nil) }
        return BarResult(successes: successes, trials: trials, interval: interval, status: .undecided,
                         needed: moreNeeded(rate: Double(successes) / Double(trials), trials: trials, bar: bar))
    }

    /// The smallest number of further judgements after which the interval, at the current rate,
    /// would clear the bar or fall below it; nil when the rate sits on the bar.
    static func moreNeeded(rate: Double, trials: Int, bar: Double) -> Int? {
        guard abs(rate - bar) > 1e-9 else { return nil }
        var extra = 1
        while extra <= 100_000 {
            let n = trials + extra
            let interval = WilsonInterval(successes: Int((rate * Double(n)).rounded()), trials: n)
            if interval.lower >= bar || interval.upper < bar { return extra }
            extra = extra < 64 ? extra + 1 : extra * 2
        }
        return nil
    }
}
