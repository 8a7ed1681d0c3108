/// Formats a seat's reveal: `412 ms · 87 tok/s · 1,203 tok · $0.0042` (`~1,203 tok` when estimated).
public enum RevealFormatter {
    public static func stats(_ reveal: SeatReveal) -> String {
        parts(reveal).joined(separator: " · ")
    }

    /// The stats as separate items: TTFT, speed, tokens, cost (those known).
    public static func parts(_ reveal: SeatReveal) -> [String] {
        var parts: [String] = []
        if let ttft = reveal.timeToFirstTokenMilliseconds { parts.append("TTFT \(grouped(ttft)) ms") }
        if let rate = reveal.tokensPerSecond { parts.append("\(oneDecimal(rate)) tok/s") }
        if let tokens = reveal.outputTokens {
            parts.append((reveal.outputTokensEstimated ? "~" : "") + "\(grouped(tokens)) tok")
        }
        if let cost = reveal.costUSD { parts.append(dollars(cost)) }
        return parts
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
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
