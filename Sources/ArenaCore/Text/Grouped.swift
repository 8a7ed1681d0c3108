/// An integer with its thousands grouped by commas, as every count and time arena prints shows
/// it (the reveal's TTFT, the verdict count, votes still needed, import progress).
///
/// ```swift
/// grouped(4144)      // "4,144"
/// grouped(-1234567)  // "-1,234,567"
/// ```
public func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}
