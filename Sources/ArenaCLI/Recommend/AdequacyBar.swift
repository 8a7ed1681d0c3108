import Foundation

/// A product team's bar for "adequate", as written on the command line:
/// - `adequate>=0.9`: the share of answers marked adequate (in `arena judge`) is at least 0.9;
/// - `vs=MODEL,winrate>=0.45`: the win rate against a reference model, ties and both-bad as half
///   (LMArena's definition), is at least 0.45;
/// - `vs=MODEL,noninferior=0.05`: non-inferiority against an incumbent — the win rate against it
///   is at least 0.5 − 0.05.
/// Every bar is decided by the anytime-valid rule of `BarResult`, by prompt.
enum AdequacyBar: Equatable, CustomStringConvertible {
    case adequateShare(atLeast: Double)
    case winRate(versus: String, atLeast: Double)
    case nonInferior(versus: String, margin: Double)

    init?(parsing text: String) {
        let compact = text.replacingOccurrences(of: " ", with: "")
        if compact.hasPrefix("adequate>="), let value = Double(compact.dropFirst("adequate>=".count)), (0...1).contains(value) {
            self = .adequateShare(atLeast: value)
            return
        }
        let parts = compact.split(separator: ",")
        guard parts.count == 2, parts[0].hasPrefix("vs=") else { return nil }
        let model = String(parts[0].dropFirst(3))
        guard !model.isEmpty else { return nil }
        if parts[1].hasPrefix("winrate>="), let value = Double(parts[1].dropFirst("winrate>=".count)), (0...1).contains(value) {
            self = .winRate(versus: model, atLeast: value)
            return
        }
        if parts[1].hasPrefix("noninferior="), let value = Double(parts[1].dropFirst("noninferior=".count)), (0..<0.5).contains(value) {
            self = .nonInferior(versus: model, margin: value)
            return
        }
        return nil
    }

    static let syntax = "adequate>=0.9, vs=MODEL,winrate>=0.45 or vs=MODEL,noninferior=0.05"

    /// The rate the bar asks for.
    var threshold: Double {
        switch self {
        case .adequateShare(let value), .winRate(_, let value): return value
        case .nonInferior(_, let margin): return 0.5 - margin
        }
    }

    /// The reference model of a head-to-head bar.
    var reference: String? {
        switch self {
        case .adequateShare: return nil
        case .winRate(let model, _), .nonInferior(let model, _): return model
        }
    }

    var description: String {
        switch self {
        case .adequateShare(let value): return "adequate ≥ \(Self.percent(value))"
        case .winRate(let model, let value): return "win rate vs \(model) ≥ \(Self.percent(value))"
        case .nonInferior(let model, let margin): return "non-inferior to \(model) (win rate ≥ \(Self.percent(0.5 - margin)))"
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%g%%", value * 100) }
}
