import ArenaProviders
import Foundation
import Testing

@Suite("RetryAdvice")
struct RetryAdviceTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT.
    static let now = Date(timeIntervalSince1970: 784_111_777)

    static func advice(_ headers: [(String, String)], body: String = "") -> RetryAdvice? {
        RetryAdvice.from(headers: headers, body: Array(body.utf8), now: now)
    }

    @Test("retry-after-ms wins over retry-after")
    func milliseconds() {
        #expect(Self.advice([("retry-after", "20"), ("retry-after-ms", "1500")]) == RetryAdvice(delaySeconds: 1.5, source: .retryAfterMilliseconds))
    }

    @Test("retry-after in seconds, any header case")
    func seconds() {
        #expect(Self.advice([("Retry-After", " 20 ")]) == RetryAdvice(delaySeconds: 20, source: .retryAfter))
        #expect(RetryAdvice.delay(headers: [("retry-after", "3")], body: [], now: Self.now) == 3)
    }

    @Test("retry-after as an HTTP-date, in all three RFC 9110 forms, relative to now")
    func httpDate() {
        for date in ["Sun, 06 Nov 1994 08:50:07 GMT", "Sunday, 06-Nov-94 08:50:07 GMT", "Sun Nov  6 08:50:07 1994"] {
            #expect(Self.advice([("retry-after", date)]) == RetryAdvice(delaySeconds: 30, source: .retryAfter), "\(date)")
        }
        #expect(Self.advice([("retry-after", "Sat, 01 Jan 2000 00:00:00 GMT")])?.delaySeconds == 162_573_023)
        // A date in the past means now.
        #expect(Self.advice([("retry-after", "Sun, 06 Nov 1994 08:00:00 GMT")]) == RetryAdvice(delaySeconds: 0, source: .retryAfter))
    }

    @Test("Gemini RetryInfo.retryDelay in the body when no header helps")
    func retryInfo() {
        let body = #"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"#
        #expect(Self.advice([], body: body) == RetryAdvice(delaySeconds: 37, source: .retryInfo))
        #expect(Self.advice([("retry-after", "soon")], body: body.replacingOccurrences(of: "37s", with: "1.5s")) ==
                RetryAdvice(delaySeconds: 1.5, source: .retryInfo))
    }

    @Test("unusable values fall through; nothing usable gives nil")
    func nothing() {
        #expect(Self.advice([("retry-after-ms", "-5"), ("retry-after", "7")]) == RetryAdvice(delaySeconds: 7, source: .retryAfter))
        #expect(Self.advice([("retry-after", "tomorrow"), ("x-ratelimit-reset-requests", "1s")]) == nil)
        #expect(Self.advice([], body: #"{"error":{"message":"slow down"}}"#) == nil)
        #expect(Self.advice([], body: "not json") == nil)
    }
}
