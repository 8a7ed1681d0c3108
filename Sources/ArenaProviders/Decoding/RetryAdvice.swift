import Foundation

/// How long the server asked us to wait before retrying, from its headers or error body.
///
/// Order (providers.md §1): `retry-after-ms` (milliseconds, non-standard) → `retry-after`
/// (seconds, or an HTTP-date relative to `now`) → Gemini's `RetryInfo.retryDelay` (`"37s"`) in
/// the error body → nil (the caller falls back to exponential backoff with jitter).
///
/// ```swift
/// if let advice = RetryAdvice.from(headers: headers, body: body, now: clock.now) {
///     try await clock.sleep(for: .seconds(advice.delaySeconds))
/// }
/// ```
///
/// Traps:
/// - Header names match case-insensitively; unusable values (negative, not a number, a date that
///   does not parse) are skipped and the next source is tried.
/// - A date in the past gives a delay of 0, not a negative one.
/// - This says nothing about *whether* to retry: check `ProviderError.isRetryable` first
///   (quota 429s also carry `retry-after`).
public struct RetryAdvice: Sendable, Equatable {
    /// Where the delay came from.
    public enum Source: String, Sendable, Equatable {
        case retryAfterMilliseconds = "retry-after-ms"
        case retryAfter = "retry-after"
        case retryInfo = "RetryInfo"
    }

    public var delaySeconds: Double
    public var source: Source

    public init(delaySeconds: Double, source: Source) {
        self.delaySeconds = delaySeconds
        self.source = source
    }

    /// The first usable hint, in the order above; `now` anchors HTTP-dates.
    public static func from(headers: [(String, String)], body: [UInt8], now: Date) -> RetryAdvice? {
        if let value = header("retry-after-ms", in: headers), let ms = nonNegative(value) {
            return RetryAdvice(delaySeconds: ms / 1000, source: .retryAfterMilliseconds)
        }
        if let value = header("retry-after", in: headers) {
            if let seconds = nonNegative(value) {
                return RetryAdvice(delaySeconds: seconds, source: .retryAfter)
            }
            if let date = HTTPDate.parse(value) {
                return RetryAdvice(delaySeconds: max(0, date.timeIntervalSince(now)), source: .retryAfter)
            }
        }
        guard !body.isEmpty, let details = ParsedErrorBody(body).error?.googleDetails else { return nil }
        for detail in details where detail.retryDelay != nil && (detail.type ?? "RetryInfo").hasSuffix("RetryInfo") {
            if let seconds = duration(detail.retryDelay ?? "") {
                return RetryAdvice(delaySeconds: seconds, source: .retryInfo)
            }
        }
        return nil
    }

    /// Just the delay in seconds, or nil; `from(headers:body:now:)` also says where it came from.
    public static func delay(headers: [(String, String)], body: [UInt8], now: Date) -> Double? {
        from(headers: headers, body: body, now: now)?.delaySeconds
    }

    private static func header(_ name: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0.lowercased() == name }?.1.trimmingCharacters(in: .whitespaces)
    }

    /// A plain non-negative decimal number (`"20"`, `"1.5"`), nothing else.
    private static func nonNegative(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A protobuf JSON Duration: `"37s"`, `"0.5s"`.
    private static func duration(_ text: String) -> Double? {
        guard text.hasSuffix("s") else { return nil }
        return nonNegative(String(text.dropLast()))
    }
}

/// HTTP-dates (RFC 9110 §5.6.7): IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete
/// RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994` forms.
/// Parsed by hand: no `DateFormatter`, no locale. Internal.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" })
        var month: Int?
        var numbers: [Int] = []
        var clock: [Int]?
        for token in tokens {
            if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                clock = parts
            } else if let number = Int(token) {
                numbers.append(number)
            } else if month == nil, let index = months.firstIndex(of: token.lowercased()) {
                month = index + 1
            }
        }
        guard let month, let clock, numbers.count == 2 else { return nil }
        let day = numbers[0]
        var year = numbers[1]
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        guard (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
              (0...60).contains(clock[2]) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
