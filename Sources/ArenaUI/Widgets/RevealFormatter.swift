import ArenaCore

/// Formats a seat's reveal: `TTFT 412 ms · total 3.2 s · 87 tok/s · 1,203 tok · $0.0042`
/// (`~1,203 tok` when estimated).
public enum RevealFormatter {
    public static func stats(_ reveal: SeatReveal) -> String {
        parts(reveal).joined(separator: " · ")
    }

    /// The stats as separate items: the model the server said answered (when it is not the
    /// configured id), TTFT, speed, tokens, cost (those known).
    public static func parts(_ reveal: SeatReveal) -> [String] {
        var parts: [String] = []
        if let served = reveal.servedModel { parts.append("served " + served) }
        if let ttft = reveal.timeToFirstTokenMilliseconds { parts.append("TTFT \(grouped(ttft)) ms") }
        if let total = reveal.totalMilliseconds { parts.append("total " + duration(total)) }
        if let rate = reveal.tokensPerSecond { parts.append("\(oneDecimal(rate)) tok/s") }
        if let tokens = reveal.outputTokens {
            parts.append((reveal.outputTokensEstimated ? "~" : "") + "\(grouped(tokens)) tok")
        }
        if let cost = reveal.costUSD { parts.append(dollars(cost)) }
        return parts
    }

    /// `840 ms`, `3.2 s`, `1 min 05 s`.
    static func duration(_ milliseconds: Int) -> String {
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 {
            let tenths = (milliseconds + 50) / 100
            return "\(tenths / 10).\(tenths % 10) s"
        }
        let seconds = (milliseconds + 500) / 1000
        return "\(seconds / 60) min " + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60) s"
    }

    static func oneDecimal(_ value: Double) -> String {
        if value >= 100 { return grouped(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `$0.0042`, `$0.12`, `$3.40`: four significant decimals below a cent.
    static func dollars(_ value: Double) -> String {
        if value == 0 { return "$0" }
        if value < 0.01 {
            let scaled = Int((value * 10_000).rounded())
            return scaled == 0 ? "<$0.0001" : "$0." + String(repeating: "0", count: 4 - String(scaled).count) + String(scaled)
        }
        let cents = Int((value * 100).rounded())
        let fraction = cents % 100
        return "$\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
